package dev.errortracking.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Start-up time and memory of {@link MinimalApp} without the starter, with it, and with it switched off
 * ({@code error-tracking.enabled=false}): several alternating runs, each in a fresh JVM with the same flags, which
 * prints its figures once the application is ready (after three garbage collections) and exits.
 * <p>
 * Run from the repository root after packaging this module:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.errortracking.benchmarks.load.StartupBenchmark [--runs=7]}.
 */
public final class StartupBenchmark {

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = 7;
		for (String arg : args) {
			if (arg.startsWith("--runs=")) {
				runs = Integer.parseInt(arg.substring("--runs=".length()));
			}
			else {
				throw new IllegalArgumentException("Unknown option " + arg);
			}
		}
		PrintStream out = System.out;
		out.println("machine: " + Machine.describe());
		out.println("JVM flags of every run: " + String.join(" ", AppProcess.JVM_FLAGS));
		Map<String, List<String>> variants = new LinkedHashMap<>();
		variants.put("without the starter", command(false));
		variants.put("with the starter", command(true));
		List<String> switchedOff = new ArrayList<>(command(true));
		switchedOff.add("--error-tracking.enabled=false");
		variants.put("starter, error-tracking.enabled=false", switchedOff);
		Map<String, List<Map<String, Long>>> results = new LinkedHashMap<>();
		variants.keySet().forEach((name) -> results.put(name, new ArrayList<>()));
		Path output = Files.createTempFile("startup", ".log");
		try {
			for (int run = 0; run < runs; run++) {
				List<String> order = new ArrayList<>(variants.keySet());
				if (run % 2 == 1) {
					Collections.reverse(order);
				}
				for (String name : order) {
					Map<String, Long> figures = start(variants.get(name), output);
					results.get(name).add(figures);
					out.printf("run %d  %-38s %s%n", run + 1, name, figures);
				}
			}
		}
		finally {
			Files.deleteIfExists(output);
		}
		report(out, results, runs);
	}

	private static void report(PrintStream out, Map<String, List<Map<String, Long>>> results, int runs) {
		out.println();
		out.printf("%d alternating runs per variant; medians (min–max)%n%n", runs);
		out.println("| variant | context ready, ms | JVM uptime at ready, ms | heap used after GC, MiB "
				+ "| non-heap used, MiB | RSS, MiB | classes loaded |");
		out.println("|---|---|---|---|---|---|---|");
		results.forEach((name, figures) -> out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", name,
				Stats.medianAndRange(values(figures, "context_ms", 1), "%.0f"),
				Stats.medianAndRange(values(figures, "jvm_ms", 1), "%.0f"),
				Stats.medianAndRange(values(figures, "heap_used", 1024 * 1024), "%.1f"),
				Stats.medianAndRange(values(figures, "non_heap_used", 1024 * 1024), "%.1f"),
				Stats.medianAndRange(values(figures, "rss_kb", 1024), "%.0f"),
				Stats.medianAndRange(values(figures, "classes", 1), "%.0f")));
		List<Map<String, Long>> base = results.get("without the starter");
		List<Map<String, Long>> with = results.get("with the starter");
		out.println();
		out.printf("with / without the starter (medians): context %.2f, heap used %.2f, RSS %.2f, classes %.2f%n",
				ratio(with, base, "context_ms"), ratio(with, base, "heap_used"), ratio(with, base, "rss_kb"),
				ratio(with, base, "classes"));
		out.println("load average after the run: " + Machine.loadAverage());
	}

	private static double ratio(List<Map<String, Long>> candidate, List<Map<String, Long>> baseline, String key) {
		return Stats.median(values(candidate, key, 1)) / Stats.median(values(baseline, key, 1));
	}

	private static List<Double> values(List<Map<String, Long>> figures, String key, double divisor) {
		Function<Map<String, Long>, Double> value = (map) -> map.get(key) / divisor;
		return figures.stream().map(value).toList();
	}

	private static List<String> command(boolean withStarter) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(AppProcess.JVM_FLAGS);
		command.add("-Dbenchmark.exit-after-start=true");
		command.addAll(AppClasspath.minimalApp(withStarter));
		command.add("--server.port=0");
		command.add("--server.address=127.0.0.1");
		return command;
	}

	private static Map<String, Long> start(List<String> command, Path output)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("The application did not start within 3 minutes");
		}
		String line = Files.readAllLines(output, StandardCharsets.UTF_8)
			.stream()
			.filter((candidate) -> candidate.startsWith(MinimalApp.STARTUP_LINE))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No figures in the output:\n" + read(output)));
		Map<String, Long> figures = new LinkedHashMap<>();
		for (String field : line.substring(MinimalApp.STARTUP_LINE.length()).trim().split(" ")) {
			figures.put(field.substring(0, field.indexOf('=')), Long.parseLong(field.substring(field.indexOf('=') + 1)));
		}
		return figures;
	}

	private static String read(Path output) {
		try {
			return Files.readString(output);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
