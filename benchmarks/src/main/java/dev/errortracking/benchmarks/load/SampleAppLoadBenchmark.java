package dev.errortracking.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load comparison of the packaged sample app with the library on and off ({@code error-tracking.enabled=false},
 * Spring Boot's own error handling) on a 200, a 404 and a 500 path. The 500 path is also measured with the
 * library reporting every failure to a Sentry receiver in this process, with the library reporting with its shipped
 * limit of events per kind of failure, to a second receiver, and with every failure reported once its response has
 * been sent ({@code error-tracking.sentry.report-after-response=true}), to a third.
 * <p>
 * Run from the repository root after packaging the sample app and this module:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.errortracking.benchmarks.load.SampleAppLoadBenchmark}.
 */
public final class SampleAppLoadBenchmark {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	/**
	 * Keeps Sentry's own auto-configuration in the app with the library on and no DSN, as it is in the app with the
	 * library off (the sample's empty {@code sentry.dsn}), so that the two differ by the library's error handling
	 * alone.
	 */
	private static final String KEEP_SENTRY_AUTO_CONFIGURATION = "--error-tracking.sentry.exclude-when-dsn-blank=false";

	private SampleAppLoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		LoadOptions options = LoadOptions.parse(args);
		if (!Files.isRegularFile(options.jar())) {
			throw new IllegalStateException(options.jar() + " not found: package the sample app first");
		}
		PrintStream out = System.out;
		out.println("machine: " + Machine.describe());
		out.println("JVM flags of every app: " + String.join(" ", AppProcess.JVM_FLAGS));
		List<String> launch = List.of("-jar", options.jar().toString());
		List<AppProcess> apps = new ArrayList<>();
		try (CountingSentryReceiver receiver = new CountingSentryReceiver();
				CountingSentryReceiver limitedReceiver = new CountingSentryReceiver();
				CountingSentryReceiver laterReceiver = new CountingSentryReceiver()) {
			AppProcess off = start(apps, "library-off", launch, options, "--error-tracking.enabled=false");
			AppProcess on = start(apps, "library-on", launch, options, KEEP_SENTRY_AUTO_CONFIGURATION);
			AppProcess reporting = start(apps, "library-on-sentry", launch, options, "--sentry.dsn=" + receiver.dsn(),
					"--sentry.traces-sample-rate=", "--error-tracking.sentry.repeat-limit.enabled=false");
			AppProcess limited = start(apps, "library-on-sentry-limited", launch, options,
					"--sentry.dsn=" + limitedReceiver.dsn(), "--sentry.traces-sample-rate=");
			AppProcess later = start(apps, "library-on-sentry-after-response", launch, options,
					"--sentry.dsn=" + laterReceiver.dsn(), "--sentry.traces-sample-rate=",
					"--error-tracking.sentry.repeat-limit.enabled=false",
					"--error-tracking.sentry.report-after-response=true");
			for (AppProcess app : apps) {
				app.awaitReady(Duration.ofMinutes(3));
			}
			String post = "/api/v1/posts/" + createPost(off);
			createPost(on);
			createPost(reporting);
			createPost(limited);
			createPost(later);
			SentryDrain drain = new SentryDrain(receiver);
			SentryDrain limitedDrain = new SentryDrain(limitedReceiver);
			SentryDrain laterDrain = new SentryDrain(laterReceiver);
			LoadComparison.Target okOff = new LoadComparison.Target("off 200", off, post, 200);
			LoadComparison.Target okOn = new LoadComparison.Target("on 200", on, post, 200);
			LoadComparison.Target missingOff = new LoadComparison.Target("off 404", off, "/api/v1/nothing-here", 404);
			LoadComparison.Target missingOn = new LoadComparison.Target("on 404", on, "/api/v1/nothing-here", 404);
			LoadComparison.Target failOff = new LoadComparison.Target("off 500", off, "/sentry-debug", 500);
			LoadComparison.Target failOn = new LoadComparison.Target("on 500 (no DSN)", on, "/sentry-debug", 500);
			LoadComparison.Target failReported = new LoadComparison.Target("on 500 + Sentry", reporting,
					"/sentry-debug", 500)
				.settlingWith(drain);
			LoadComparison.Target failLimited = new LoadComparison.Target("on 500 + Sentry, repeat limit", limited,
					"/sentry-debug", 500)
				.settlingWith(limitedDrain);
			LoadComparison.Target failLater = new LoadComparison.Target("on 500 + Sentry, after response", later,
					"/sentry-debug", 500)
				.settlingWith(laterDrain);
			new LoadComparison(options).compare("200: library on / off", okOff, okOn)
				.compare("404 unknown route: library on / off", missingOff, missingOn)
				.compare("500: library on (no DSN) / off", failOff, failOn)
				.compare("500: library on + Sentry / off", failOff, failReported)
				.compare("500: library on + Sentry / on (no DSN)", failOn, failReported)
				.compare("500: library on + Sentry with the shipped repeat limit / off", failOff, failLimited)
				.compare("500: library on + Sentry, reported after the response / off", failOff, failLater)
				.compare("500: library on + Sentry, reported after the response / on (no DSN)", failOn, failLater)
				.run(out)
				.report(out);
			long reportedCarrier = drain.carryLastClientReport(reporting, "/sentry-debug");
			long limitedCarrier = limitedDrain.carryLastClientReport(limited, "/sentry-debug");
			long laterCarrier = laterDrain.carryLastClientReport(later, "/sentry-debug");
			out.println();
			out.printf("failures answered: off %d, on %d, on + Sentry %d, on + Sentry with the repeat limit %d%n",
					failOff.answered(), failOn.answered(), failReported.answered() + reportedCarrier,
					failLimited.answered() + limitedCarrier);
			out.println("(the Sentry apps' counts include one failure after the run, whose envelope carries the "
					+ "SDK's last client report)");
			out.printf("ERROR log events: off %d, on %d, on + Sentry %d, with the repeat limit %d (log bytes %d, %d, %d, "
					+ "%d)%n", off.errorLines(), on.errorLines(), reporting.errorLines(), limited.errorLines(),
					off.logBytes(), on.logBytes(), reporting.logBytes(), limited.logBytes());
			out.printf("Sentry events received: %d for %d reported failures; transactions received: %d; dropped by "
					+ "the SDK (its client reports): %s%n", drain.events(), failReported.answered() + reportedCarrier,
					drain.transactions(),
					drain.discarded());
			out.printf("with the repeat limit: %d events received for %d failures; not built or dropped (client "
					+ "reports): %s%n", limitedDrain.events(), failLimited.answered() + limitedCarrier,
					limitedDrain.discarded());
			out.printf("reported after the response: %d failures answered and %d ERROR log events (log bytes %d); %d "
					+ "events received; not built or dropped (client reports): %s%n",
					failLater.answered() + laterCarrier, later.errorLines(), later.logBytes(), laterDrain.events(),
					laterDrain.discarded());
			out.println("load average after the run: " + Machine.loadAverage());
		}
		finally {
			apps.forEach(AppProcess::close);
		}
	}

	private static AppProcess start(List<AppProcess> apps, String name, List<String> launch, LoadOptions options,
			String... arguments) {
		AppProcess app = AppProcess.start(name, launch, List.of(arguments), options.logDirectory());
		apps.add(app);
		return app;
	}

	private static long createPost(AppProcess app) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> response = client.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/posts"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"title\":\"Benchmark\",\"content\":\"A post to read\",\"authorEmail\":\"b@example.com\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher id = ID.matcher(response.body());
		if (response.statusCode() != 201 || !id.find()) {
			throw new IllegalStateException("Could not create a post: " + response.statusCode() + " "
					+ response.body());
		}
		return Long.parseLong(id.group(1));
	}

}
