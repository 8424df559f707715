package dev.errortracking.benchmarks.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Measures targets in alternating rounds after a warm-up and reports each candidate as a ratio to its baseline
 * measured in the same round: throughput and p50/p99 under load ({@code connections} at once), p50/p99 of
 * requests sent one at a time, and p50/p99 of requests sent one at a time with a pause after each, at a rate that a
 * background sender such as Sentry's can keep up with.
 */
final class LoadComparison {

	private final LoadOptions options;

	private final List<Pair> pairs = new ArrayList<>();

	private final Map<Target, List<Round>> results = new LinkedHashMap<>();

	LoadComparison(LoadOptions options) {
		this.options = options;
	}

	/** Compare {@code candidate} to {@code baseline}. */
	LoadComparison compare(String name, Target baseline, Target candidate) {
		this.pairs.add(new Pair(name, baseline, candidate));
		return this;
	}

	LoadComparison run(PrintStream out) throws InterruptedException {
		List<Target> targets = new ArrayList<>(new LinkedHashSet<>(this.pairs.stream()
			.flatMap((pair) -> List.of(pair.baseline(), pair.candidate()).stream())
			.toList()));
		for (Target target : targets) {
			Measurement warmUp = target.load()
				.run(this.options.connections(), Integer.MAX_VALUE, this.options.warmUp());
			target.settle().run();
			target.account(warmUp);
			Measurement pacedWarmUp = target.load()
				.run(1, this.options.maxRequests(), this.options.warmUp(), this.options.pause());
			target.settle().run();
			target.account(pacedWarmUp);
			out.printf("warm-up  %-28s %8.0f req/s%n", target.label(), warmUp.throughput());
			this.results.put(target, new ArrayList<>());
		}
		for (int round = 1; round <= this.options.rounds(); round++) {
			List<Target> order = new ArrayList<>(targets);
			if (round % 2 == 0) {
				Collections.reverse(order);
			}
			for (Target target : order) {
				Measurement loaded = target.load()
					.run(this.options.connections(), this.options.maxRequests(), this.options.duration());
				target.settle().run();
				Measurement serial = target.load().run(1, this.options.maxRequests(), this.options.serialDuration());
				target.settle().run();
				long eventsBefore = target.eventsReceived();
				Measurement paced = target.load()
					.run(1, this.options.maxRequests(), this.options.pacedDuration(), this.options.pause());
				target.settle().run();
				double pacedReported = (eventsBefore >= 0)
						? (double) (target.eventsReceived() - eventsBefore) / Math.max(1, paced.matched()) : Double.NaN;
				target.account(loaded);
				target.account(serial);
				target.account(paced);
				this.results.get(target).add(new Round(loaded, serial, paced, pacedReported));
				long unexpected = loaded.unexpected() + serial.unexpected() + paced.unexpected();
				out.printf("round %d  %-28s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms | one at a time p50 %5.2f ms"
						+ "  p99 %5.2f ms | paced p50 %5.2f ms  p99 %5.2f ms%s%s%n", round, target.label(),
						loaded.throughput(), loaded.latencyMillis(50), loaded.latencyMillis(99),
						serial.latencyMillis(50), serial.latencyMillis(99), paced.latencyMillis(50),
						paced.latencyMillis(99), Double.isNaN(pacedReported) ? ""
								: String.format("  reported %.0f%%", pacedReported * 100),
						(unexpected > 0) ? "  UNEXPECTED " + unexpected : "");
			}
		}
		return this;
	}

	/** The figures as a Markdown table: absolute medians per target, then ratios per comparison. */
	void report(PrintStream out) {
		out.println();
		out.printf("%d rounds, %d connections, %s loaded + %s one at a time + %s one at a time with a %d ms pause "
				+ "per target and round; medians (min–max over rounds)%n%n", this.options.rounds(),
				this.options.connections(), this.options.duration().toSeconds() + " s",
				this.options.serialDuration().toSeconds() + " s", this.options.pacedDuration().toSeconds() + " s",
				this.options.pause().toMillis());
		out.println("| target | path | req/s | p50 ms | p99 ms | one at a time: p50 ms | p99 ms | paced: p50 ms "
				+ "| p99 ms | paced: share reported to Sentry |");
		out.println("|---|---|---|---|---|---|---|---|---|---|");
		this.results.forEach((target, rounds) -> out.printf(
				"| %s | `%s` → %d | %s | %s | %s | %s | %s | %s | %s | %s |%n",
				target.label(), target.path(), target.status(),
				Stats.medianAndRange(figure(rounds, (r) -> r.loaded().throughput()), "%.0f"),
				Stats.medianAndRange(figure(rounds, (r) -> r.loaded().latencyMillis(50)), "%.2f"),
				Stats.medianAndRange(figure(rounds, (r) -> r.loaded().latencyMillis(99)), "%.2f"),
				Stats.medianAndRange(figure(rounds, (r) -> r.serial().latencyMillis(50)), "%.3f"),
				Stats.medianAndRange(figure(rounds, (r) -> r.serial().latencyMillis(99)), "%.3f"),
				Stats.medianAndRange(figure(rounds, (r) -> r.paced().latencyMillis(50)), "%.3f"),
				Stats.medianAndRange(figure(rounds, (r) -> r.paced().latencyMillis(99)), "%.3f"),
				Double.isNaN(rounds.get(0).pacedReported()) ? "—"
						: Stats.medianAndRange(figure(rounds, (r) -> r.pacedReported() * 100), "%.0f%%")));
		out.println();
		out.println("| comparison (candidate / baseline, same round) | throughput | p50 | p99 | one at a time: p50 "
				+ "| p99 | p99 difference, one at a time | p99 difference, paced |");
		out.println("|---|---|---|---|---|---|---|---|");
		for (Pair pair : this.pairs) {
			List<Round> base = this.results.get(pair.baseline());
			List<Round> cand = this.results.get(pair.candidate());
			out.printf("| %s | %s | %s | %s | %s | %s | %s ms | %s ms |%n", pair.name(),
					Stats.medianAndRange(ratio(base, cand, (r) -> r.loaded().throughput()), "%.2f"),
					Stats.medianAndRange(ratio(base, cand, (r) -> r.loaded().latencyMillis(50)), "%.2f"),
					Stats.medianAndRange(ratio(base, cand, (r) -> r.loaded().latencyMillis(99)), "%.2f"),
					Stats.medianAndRange(ratio(base, cand, (r) -> r.serial().latencyMillis(50)), "%.2f"),
					Stats.medianAndRange(ratio(base, cand, (r) -> r.serial().latencyMillis(99)), "%.2f"),
					Stats.medianAndRange(difference(base, cand, (r) -> r.serial().latencyMillis(99)), "%+.3f"),
					Stats.medianAndRange(difference(base, cand, (r) -> r.paced().latencyMillis(99)), "%+.3f"));
		}
	}

	private static List<Double> figure(List<Round> rounds, Function<Round, Double> figure) {
		return rounds.stream().map(figure).toList();
	}

	private static List<Double> ratio(List<Round> baseline, List<Round> candidate, Function<Round, Double> figure) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < baseline.size(); i++) {
			ratios.add(figure.apply(candidate.get(i)) / figure.apply(baseline.get(i)));
		}
		return ratios;
	}

	private static List<Double> difference(List<Round> baseline, List<Round> candidate,
			Function<Round, Double> figure) {
		List<Double> differences = new ArrayList<>();
		for (int i = 0; i < baseline.size(); i++) {
			differences.add(figure.apply(candidate.get(i)) - figure.apply(baseline.get(i)));
		}
		return differences;
	}

	/** One path of one application, and how many of its requests were answered as expected so far. */
	static final class Target {

		private final String label;

		private final AppProcess app;

		private final String path;

		private final int status;

		private SentryDrain drain;

		private long answered;

		/**
		 * Create a target.
		 * @param label the name in reports
		 * @param app the application
		 * @param path the request path
		 * @param status the status every response should have
		 */
		Target(String label, AppProcess app, String path, int status) {
			this.label = label;
			this.app = app;
			this.path = path;
			this.status = status;
		}

		/** After each measurement, let the events queued for Sentry arrive at {@code drain}'s receiver. */
		Target settlingWith(SentryDrain drain) {
			this.drain = drain;
			return this;
		}

		String label() {
			return this.label;
		}

		String path() {
			return this.path;
		}

		int status() {
			return this.status;
		}

		Runnable settle() {
			return (this.drain != null) ? this.drain : () -> {
			};
		}

		/** The Sentry events received so far, or -1 when this target does not report to Sentry. */
		long eventsReceived() {
			return (this.drain != null) ? this.drain.events() : -1;
		}

		HttpLoad load() {
			return new HttpLoad(this.app.port(), this.path, this.status);
		}

		void account(Measurement measurement) {
			this.answered += measurement.matched();
		}

		/** The requests answered with the expected status so far, warm-up included. */
		long answered() {
			return this.answered;
		}

	}

	private record Pair(String name, Target baseline, Target candidate) {

	}

	private record Round(Measurement loaded, Measurement serial, Measurement paced, double pacedReported) {

	}

}
