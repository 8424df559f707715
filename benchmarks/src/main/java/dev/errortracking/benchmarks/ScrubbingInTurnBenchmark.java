package dev.errortracking.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.sentry.Hint;
import io.sentry.SentryEvent;
import net.logstash.logback.encoder.LogstashEncoder;

import dev.errortracking.benchmarks.load.Machine;
import dev.errortracking.benchmarks.load.Stats;
import dev.errortracking.logging.LogScrubber;
import dev.errortracking.privacy.PrivacyScrubber;
import dev.errortracking.sentry.ScrubbingBeforeSendCallback;

/**
 * Privacy scrubbing measured in turn within one JVM: short slices of a baseline and of its scrubbed variant
 * alternate, so that whatever else the machine does meanwhile falls on both alike, and each scrubbed slice is
 * compared with the baseline slice next to it.
 * <p>
 * The pairs are those of {@link ScrubbingBenchmark}: {@code info}, a fresh INFO line encoded plainly and through the
 * scrubbing generator; {@code error}, the ERROR line as the library's JSON logging writes it, without and with
 * scrubbing; {@code event}, the typical server-error event serialized as the SDK does, without and with the
 * before-send callback. The {@code event-PART} pairs tell what scrubbing one part of that event costs (body,
 * breadcrumbs, headers, exceptions, URL with query, cookies and environment, or user, tags and extra): they measure
 * the event pair and the same pair without the part in the same rounds. The pairs {@code info-passthrough} and
 * {@code event-passthrough} are {@code info} and {@code event} with a scrubber that has no rules: what the scrubbing
 * generator and the walk over the event cost before any rule reads a text. Each pair runs in JVMs of its own, started
 * with this JVM's flags. Run from the repository root after packaging this module:
 * {@code java -cp benchmarks/target/benchmarks.jar
 * dev.errortracking.benchmarks.ScrubbingInTurnBenchmark [--pairs=info,error,event] [--forks=5] [--rounds=300]
 * [--warmup-seconds=10] [--slice-millis=10]}.
 */
public final class ScrubbingInTurnBenchmark {

	private static final String RESULT = "result ";

	private static final List<String> DEFAULT_PAIRS = List.of("info", "error", "event");

	/**
	 * Ways to take one part out of the typical event: the {@code event-PART} pairs measure the event pair and, in
	 * the same rounds, the same pair without the part; the part's scrubbing costs the difference of the two.
	 */
	private static final Map<String, UnaryOperator<SentryEvent>> EVENT_PARTS = eventParts();

	private static final List<String> PASS_THROUGH_PAIRS = List.of("info-passthrough", "event-passthrough");

	private static final List<String> PAIRS = Stream
		.of(DEFAULT_PAIRS, PASS_THROUGH_PAIRS, List.copyOf(EVENT_PARTS.keySet()))
		.flatMap(List::stream)
		.toList();

	private static Object sink;

	private ScrubbingInTurnBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("pairs", String.join(",", DEFAULT_PAIRS));
		options.put("forks", "5");
		options.put("rounds", "300");
		options.put("warmup-seconds", "10");
		options.put("slice-millis", "10");
		boolean inThisJvm = false;
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String name = (arg.startsWith("--") && equals > 2) ? arg.substring(2, equals) : null;
			if (arg.equals("--in-this-jvm")) {
				inThisJvm = true;
			}
			else if (name != null && options.containsKey(name)) {
				options.put(name, arg.substring(equals + 1));
			}
			else {
				throw new IllegalArgumentException("Unknown option " + arg);
			}
		}
		List<String> pairs = List.of(options.get("pairs").split(","));
		if (inThisJvm) {
			for (String pair : pairs) {
				System.out.println(RESULT + measure(pair(pair), Integer.parseInt(options.get("rounds")),
						Long.parseLong(options.get("warmup-seconds")) * 1_000_000_000L,
						Long.parseLong(options.get("slice-millis")) * 1_000_000L)
					.line());
				LogScrubber.install(LogScrubber.defaults());
			}
			return;
		}
		PrintStream out = System.out;
		out.println("machine: " + Machine.describe());
		out.println("options: " + options);
		for (String pair : pairs) {
			if (!PAIRS.contains(pair)) {
				throw new IllegalArgumentException("Unknown pair " + pair + "; known: " + PAIRS);
			}
			report(out, pair, inForks(pair, options, out));
		}
	}

	/** Measure {@code pair} in as many new JVMs as the options ask, one after the other. */
	private static List<Result> inForks(String pair, Map<String, String> options, PrintStream out)
			throws IOException, InterruptedException {
		List<Result> results = new ArrayList<>();
		int forks = Integer.parseInt(options.get("forks"));
		for (int fork = 1; fork <= forks; fork++) {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
			command.addAll(List.of("-cp", System.getProperty("java.class.path"),
					ScrubbingInTurnBenchmark.class.getName(), "--in-this-jvm", "--pairs=" + pair,
					"--rounds=" + options.get("rounds"), "--warmup-seconds=" + options.get("warmup-seconds"),
					"--slice-millis=" + options.get("slice-millis")));
			Result result = fork(command);
			results.add(result);
			out.printf(Locale.ROOT, "%-6s fork %d  %s%n", pair, fork, result);
		}
		return results;
	}

	private static void report(PrintStream out, String pair, List<Result> results) {
		double[] ratios = results.stream().mapToDouble(Result::ratio).toArray();
		out.printf(Locale.ROOT, "%-6s median of %d forks: ratio %.3f (forks %.3f to %.3f), difference %.3f us%s%n",
				pair, results.size(), Stats.median(ratios), Arrays.stream(ratios).min().orElse(Double.NaN),
				Arrays.stream(ratios).max().orElse(Double.NaN),
				Stats.median(results.stream().mapToDouble(Result::differenceMicros).toArray()),
				Result.part(Stats.median(results.stream().mapToDouble(Result::partMicros).toArray()),
						Stats.median(results.stream().mapToDouble(Result::partShare).toArray())));
	}

	private static Result fork(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		Result result = null;
		List<String> output = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.add(line);
				if (line.startsWith(RESULT)) {
					result = Result.parse(line.substring(RESULT.length()));
				}
			}
		}
		if (process.waitFor() != 0 || result == null) {
			throw new IllegalStateException("The measuring JVM failed:\n" + String.join("\n", output));
		}
		return result;
	}

	/**
	 * The sides of a pair, each one operation: the baseline and the scrubbed variant, followed for an
	 * {@code event-PART} pair by the same two without the part.
	 */
	private static Supplier<?>[] pair(String name) {
		switch (name) {
			case "info", "info-passthrough" -> {
				if (name.equals("info-passthrough")) {
					LogScrubber.install(PrivacyScrubber.passThrough());
				}
				LogLines lines = new LogLines();
				LogstashEncoder plain = lines.encoder(null);
				LogstashEncoder scrubbing = lines.scrubbingEncoder();
				return new Supplier<?>[] { () -> plain.encode(lines.freshInfoLine()),
						() -> scrubbing.encode(lines.freshInfoLine()) };
			}
			case "error" -> {
				LogLines lines = new LogLines();
				LogstashEncoder plain = lines.compactEncoder(false);
				LogstashEncoder scrubbing = lines.compactEncoder(true);
				return new Supplier<?>[] { () -> plain.encode(lines.nextErrorLine()),
						() -> scrubbing.encode(lines.nextErrorLine()) };
			}
			case "event" -> {
				return eventPair(PrivacyScrubber.defaults(), UnaryOperator.identity());
			}
			case "event-passthrough" -> {
				return eventPair(PrivacyScrubber.passThrough(), UnaryOperator.identity());
			}
			default -> {
				UnaryOperator<SentryEvent> withoutPart = EVENT_PARTS.get(name);
				if (withoutPart == null) {
					throw new IllegalArgumentException("Unknown pair " + name + "; known: " + PAIRS);
				}
				return Stream
					.of(eventPair(PrivacyScrubber.defaults(), UnaryOperator.identity()),
							eventPair(PrivacyScrubber.defaults(), withoutPart))
					.flatMap(Arrays::stream)
					.toArray(Supplier<?>[]::new);
			}
		}
	}

	private static Supplier<?>[] eventPair(PrivacyScrubber scrubber, UnaryOperator<SentryEvent> change) {
		ScrubbingBeforeSendCallback beforeSend = new ScrubbingBeforeSendCallback(scrubber);
		return new Supplier<?>[] { () -> TypicalEvent.serialize(change.apply(TypicalEvent.create())),
				() -> TypicalEvent.serialize(beforeSend.execute(change.apply(TypicalEvent.create()), new Hint())) };
	}

	private static Map<String, UnaryOperator<SentryEvent>> eventParts() {
		Map<String, UnaryOperator<SentryEvent>> events = new LinkedHashMap<>();
		events.put("event-body", (event) -> {
			event.getRequest().setData(null);
			return event;
		});
		events.put("event-breadcrumbs", (event) -> {
			event.setBreadcrumbs(new ArrayList<>());
			return event;
		});
		events.put("event-headers", (event) -> {
			event.getRequest().setHeaders(null);
			return event;
		});
		events.put("event-exceptions", (event) -> {
			event.setExceptions(null);
			event.setThrowable(null);
			return event;
		});
		events.put("event-url-query-cookies-env", (event) -> {
			event.getRequest().setUrl(null);
			event.getRequest().setQueryString(null);
			event.getRequest().setCookies(null);
			event.getRequest().setEnvs(null);
			return event;
		});
		events.put("event-user-tags-extra", (event) -> {
			event.setUser(null);
			event.setTags(null);
			event.setExtras(null);
			return event;
		});
		return events;
	}

	/**
	 * Warm the sides up in turn, size a slice so that the baseline's takes about {@code sliceNanos}, then time
	 * {@code rounds} slices of each, in the opposite order every other round.
	 */
	private static Result measure(Supplier<?>[] sides, int rounds, long warmupNanos, long sliceNanos) {
		int operations = 100;
		long warmupEnd = System.nanoTime() + warmupNanos;
		while (System.nanoTime() < warmupEnd) {
			for (int side = sides.length - 1; side > 0; side--) {
				time(sides[side], operations);
			}
			long baseline = time(sides[0], operations);
			operations = (int) Math.max(1, Math.min(1_000_000, operations * sliceNanos / Math.max(1, baseline)));
		}
		double[][] times = new double[sides.length][rounds];
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < sides.length; i++) {
				int side = (round % 2 == 0) ? i : sides.length - 1 - i;
				times[side][round] = time(sides[side], operations);
			}
		}
		double[] ratios = new double[rounds];
		double[] differences = new double[rounds];
		double[] parts = new double[rounds];
		double[] shares = new double[rounds];
		for (int round = 0; round < rounds; round++) {
			ratios[round] = times[1][round] / times[0][round];
			differences[round] = (times[1][round] - times[0][round]) / operations / 1000.0;
			parts[round] = (sides.length < 4) ? Double.NaN
					: differences[round] - (times[3][round] - times[2][round]) / operations / 1000.0;
			shares[round] = parts[round] / differences[round];
		}
		Arrays.sort(ratios);
		return new Result(Stats.median(times[0]) / operations / 1000.0, Stats.median(times[1]) / operations / 1000.0,
				ratios[rounds / 2], ratios[rounds / 4], ratios[(3 * rounds) / 4], Stats.median(differences),
				Stats.median(parts), Stats.median(shares), operations);
	}

	private static long time(Supplier<?> side, int operations) {
		long start = System.nanoTime();
		for (int i = 0; i < operations; i++) {
			sink = side.get();
		}
		return System.nanoTime() - start;
	}

	/**
	 * One JVM's figures: medians per operation in microseconds, the median ratio of neighbouring slices with its
	 * quartiles, and for an {@code event-PART} pair the median cost of scrubbing the part and its median share of
	 * the difference.
	 */
	private record Result(double baselineMicros, double scrubbedMicros, double ratio, double ratioLowerQuartile,
			double ratioUpperQuartile, double differenceMicros, double partMicros, double partShare,
			int operationsPerSlice) {

		static Result parse(String line) {
			double[] values = Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
			return new Result(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
					(int) values[8]);
		}

		static String part(double micros, double share) {
			return Double.isNaN(micros) ? ""
					: String.format(Locale.ROOT, ", of which the part %.3f us (%.0f %%)", micros, share * 100);
		}

		String line() {
			return String.format(Locale.ROOT, "%.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f %d", this.baselineMicros,
					this.scrubbedMicros, this.ratio, this.ratioLowerQuartile, this.ratioUpperQuartile,
					this.differenceMicros, this.partMicros, this.partShare, this.operationsPerSlice);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"baseline %.3f us, scrubbed %.3f us, ratio %.3f (quartiles %.3f-%.3f), difference %.3f us%s, "
							+ "%d operations a slice",
					this.baselineMicros, this.scrubbedMicros, this.ratio, this.ratioLowerQuartile,
					this.ratioUpperQuartile, this.differenceMicros, part(this.partMicros, this.partShare),
					this.operationsPerSlice);
		}

	}

}
