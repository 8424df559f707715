package dev.errortracking.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest web application worth measuring: a 200, a failing handler, and a bare handler that answers 500
 * without an exception. Started with and without the starter's jars on the class path.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(MinimalApp.Endpoints.class)
public class MinimalApp {

	/** The line {@link StartupBenchmark} reads from the output. */
	static final String STARTUP_LINE = "STARTUP-FIGURES";

	public static void main(String[] args) {
		long start = System.nanoTime();
		SpringApplication application = new SpringApplication(MinimalApp.class);
		if (Boolean.getBoolean("benchmark.exit-after-start")) {
			application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> {
				long contextMillis = (System.nanoTime() - start) / 1_000_000;
				System.out.println(startupFigures(contextMillis));
				System.exit(0);
			});
		}
		application.run(args);
	}

	private static String startupFigures(long contextMillis) {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		long nonHeapUsed = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
		long jvmMillis = ManagementFactory.getRuntimeMXBean().getUptime();
		long classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
		return STARTUP_LINE + " context_ms=" + contextMillis + " jvm_ms=" + jvmMillis + " heap_used=" + heapUsed
				+ " non_heap_used=" + nonHeapUsed + " rss_kb=" + rssKilobytes() + " classes=" + classes;
	}

	private static long rssKilobytes() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")))
				.findFirst()
				.orElse(-1);
		}
		catch (Exception ex) {
			return -1;
		}
	}

	@RestController
	static class Endpoints {

		@GetMapping("/ok")
		Map<String, Object> ok() {
			return Map.of("status", "ok");
		}

		@GetMapping("/fail")
		void fail() {
			throw new IllegalStateException("Deliberate failure");
		}

		@GetMapping("/bare-error")
		ResponseEntity<Map<String, Object>> bareError() {
			return ResponseEntity.status(500)
				.body(Map.of("error", "INTERNAL_ERROR", "message", "An unexpected error occurred"));
		}

	}

}
