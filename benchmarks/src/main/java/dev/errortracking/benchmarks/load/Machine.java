package dev.errortracking.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Describes the machine a benchmark runs on, for the published figures. */
public final class Machine {

	private Machine() {
	}

	public static String describe() {
		return "nproc " + Runtime.getRuntime().availableProcessors() + ", CPU " + cpuModel() + ", "
				+ System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", memory "
				+ memory() + ", load average " + loadAverage();
	}

	private static String cpuModel() {
		return firstMatching(Path.of("/proc/cpuinfo"), "model name")
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.orElse("unknown");
	}

	private static String memory() {
		return firstMatching(Path.of("/proc/meminfo"), "MemTotal")
			.map((line) -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB")
			.orElse("unknown");
	}

	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static Optional<String> firstMatching(Path file, String prefix) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.filter((line) -> line.startsWith(prefix)).findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
