package dev.errortracking.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings of a load benchmark, from {@code --name=value} arguments.
 *
 * @param rounds the number of alternating rounds
 * @param connections the concurrent connections of a loaded measurement
 * @param duration how long one loaded measurement lasts
 * @param serialDuration how long one measurement with one request at a time lasts
 * @param pacedDuration how long one measurement with one request at a time and a pause after each lasts
 * @param pause the pause after each answer in a paced measurement
 * @param warmUp how long each target is warmed up before the first round
 * @param maxRequests the most requests one measurement sends
 * @param jar the sample application's executable jar
 * @param logDirectory where the applications' console output goes
 */
record LoadOptions(int rounds, int connections, Duration duration, Duration serialDuration, Duration pacedDuration,
		Duration pause, Duration warmUp,
		int maxRequests, Path jar, Path logDirectory) {

	static LoadOptions parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Expected --name=value but got " + arg);
			}
			values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		LoadOptions options = new LoadOptions(Integer.parseInt(values.getOrDefault("rounds", "3")),
				Integer.parseInt(values.getOrDefault("connections", "8")),
				Duration.ofSeconds(Long.parseLong(values.getOrDefault("seconds", "5"))),
				Duration.ofSeconds(Long.parseLong(values.getOrDefault("serial-seconds", "2"))),
				Duration.ofSeconds(Long.parseLong(values.getOrDefault("paced-seconds", "4"))),
				Duration.ofMillis(Long.parseLong(values.getOrDefault("pause-millis", "5"))),
				Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup-seconds", "8"))),
				Integer.parseInt(values.getOrDefault("max-requests", "200000")),
				Path.of(values.getOrDefault("jar", "sample-app/target/sample-app.jar")),
				Path.of(values.getOrDefault("logs", "benchmarks/target/load-logs")));
		values.keySet()
			.removeAll(Set.of("rounds", "connections", "seconds", "serial-seconds", "paced-seconds", "pause-millis",
					"warmup-seconds",
					"max-requests", "jar", "logs"));
		if (!values.isEmpty()) {
			throw new IllegalArgumentException("Unknown options " + values.keySet());
		}
		return options;
	}

}
