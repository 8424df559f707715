package dev.errortracking.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request fails: Spring Boot's default 5xx path (the container logs the full stack trace, then the error
 * page is rendered) against a bare handler that answers 500 without an exception, and against the library's
 * 5xx path with every failure logged and reported to a Sentry receiver in this process; in the readable and the
 * JSON log format.
 * <p>
 * Run from the repository root after packaging this module:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.errortracking.benchmarks.load.ErrorStormBenchmark}.
 */
public final class ErrorStormBenchmark {

	private ErrorStormBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		LoadOptions options = LoadOptions.parse(args);
		PrintStream out = System.out;
		out.println("machine: " + Machine.describe());
		out.println("JVM flags of every app: " + String.join(" ", AppProcess.JVM_FLAGS));
		List<AppProcess> apps = new ArrayList<>();
		try (CountingSentryReceiver receiver = new CountingSentryReceiver()) {
			String dsn = "--sentry.dsn=" + receiver.dsn();
			AppProcess boot = start(apps, "storm-boot-text", false, options);
			AppProcess library = start(apps, "storm-library-text", true, options, dsn);
			AppProcess libraryNoDsn = start(apps, "storm-library-text-no-dsn", true, options);
			AppProcess bootJson = start(apps, "storm-boot-json", false, options,
					"--logging.structured.format.console=logstash");
			AppProcess libraryJson = start(apps, "storm-library-json", true, options, dsn,
					"--error-tracking.logging.format=json");
			for (AppProcess app : apps) {
				app.awaitReady(Duration.ofMinutes(3));
			}
			SentryDrain drain = new SentryDrain(receiver);
			LoadComparison.Target bare = new LoadComparison.Target("bare handler 500", boot, "/bare-error", 500);
			LoadComparison.Target bootText = new LoadComparison.Target("Boot default 500, text", boot, "/fail", 500);
			LoadComparison.Target libraryText = new LoadComparison.Target("library 500 + Sentry, text", library,
					"/fail", 500)
				.settlingWith(drain);
			LoadComparison.Target libraryUnreported = new LoadComparison.Target("library 500, no DSN, text",
					libraryNoDsn, "/fail", 500);
			LoadComparison.Target bootJsonFail = new LoadComparison.Target("Boot default 500, JSON", bootJson, "/fail",
					500);
			LoadComparison.Target libraryJsonFail = new LoadComparison.Target("library 500 + Sentry, JSON",
					libraryJson, "/fail", 500)
				.settlingWith(drain);
			new LoadComparison(options).compare("Boot default / bare handler, text", bare, bootText)
				.compare("library + Sentry / Boot default, text", bootText, libraryText)
				.compare("library, no DSN / Boot default, text", bootText, libraryUnreported)
				.compare("library, no DSN / bare handler, text", bare, libraryUnreported)
				.compare("library + Sentry / Boot default, JSON", bootJsonFail, libraryJsonFail)
				.run(out)
				.report(out);
			long textCarrier = drain.carryLastClientReport(library, "/fail");
			long jsonCarrier = drain.carryLastClientReport(libraryJson, "/fail");
			long carriers = textCarrier + jsonCarrier;
			out.println();
			long reported = libraryText.answered() + libraryJsonFail.answered() + carriers;
			out.printf("failures answered: Boot text %d, library text %d, library no DSN %d, Boot JSON %d, "
					+ "library JSON %d%n", bootText.answered(), libraryText.answered() + textCarrier,
					libraryUnreported.answered(), bootJsonFail.answered(), libraryJsonFail.answered() + jsonCarrier);
			out.printf("ERROR log events: Boot text %d, library text %d, library no DSN %d, Boot JSON %d, "
					+ "library JSON %d%n", boot.errorLines(), library.errorLines(), libraryNoDsn.errorLines(),
					bootJson.errorLines(), libraryJson.errorLines());
			out.printf("log bytes per failure: Boot text %.0f, library text %.0f, library no DSN %.0f, Boot JSON %.0f, "
					+ "library JSON %.0f%n", perFailure(boot, bootText), perFailure(library, libraryText),
					perFailure(libraryNoDsn, libraryUnreported), perFailure(bootJson, bootJsonFail),
					perFailure(libraryJson, libraryJsonFail));
			out.printf("Sentry events received: %d for %d failures of the library apps (%d of them after the run, to "
					+ "carry the SDK's last client report); not built or dropped (client reports): %s%n", drain.events(),
					reported, carriers, drain.discarded());
			out.println("load average after the run: " + Machine.loadAverage());
		}
		finally {
			apps.forEach(AppProcess::close);
		}
	}

	private static double perFailure(AppProcess app, LoadComparison.Target target) throws IOException {
		return (double) app.logBytes() / Math.max(1, target.answered());
	}

	private static AppProcess start(List<AppProcess> apps, String name, boolean withStarter, LoadOptions options,
			String... arguments) {
		AppProcess app = AppProcess.start(name, AppClasspath.minimalApp(withStarter), List.of(arguments),
				options.logDirectory());
		apps.add(app);
		return app;
	}

}
