package dev.errortracking.benchmarks.load;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Launch arguments of {@link MinimalApp} from this module's build output ({@code target/classes} and
 * {@code target/lib}), with or without the starter's jars.
 */
final class AppClasspath {

	private static final List<String> STARTER_JARS = List.of("error-tracking-spring-boot-", "sentry-",
			"logstash-logback-encoder-");

	private static final List<String> BENCHMARK_ONLY_JARS = List.of("error-tracking-test-", "jmh-", "jopt-simple-",
			"commons-math3-", "spring-test-");

	private AppClasspath() {
	}

	/** {@code -cp <class path> MinimalApp}, the starter's jars included or not. */
	static List<String> minimalApp(boolean withStarter) {
		Path target = targetDirectory();
		try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
			Stream<String> entries = Stream.concat(Stream.of(target.resolve("classes").toString()),
					jars.map(Path::toString)
						.filter((jar) -> !startsWithAny(jar, BENCHMARK_ONLY_JARS))
						.filter((jar) -> withStarter || !startsWithAny(jar, STARTER_JARS))
						.sorted());
			return List.of("-cp", String.join(File.pathSeparator, entries.toList()), MinimalApp.class.getName());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Package the benchmarks module first", ex);
		}
	}

	private static boolean startsWithAny(String jar, List<String> prefixes) {
		String name = Path.of(jar).getFileName().toString();
		return prefixes.stream().anyMatch(name::startsWith);
	}

	private static Path targetDirectory() {
		try {
			Path location = Path.of(AppClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return location.getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
