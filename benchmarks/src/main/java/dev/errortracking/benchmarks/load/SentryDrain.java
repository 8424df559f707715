package dev.errortracking.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Waits after a measurement until the events queued by the application's Sentry SDK have arrived, so that their
 * sending does not run into the next measurement.
 */
final class SentryDrain implements Runnable {

	private static final long QUIET_MILLIS = 1000;

	private static final long MAX_WAIT_MILLIS = 60_000;

	private final CountingSentryReceiver receiver;

	SentryDrain(CountingSentryReceiver receiver) {
		this.receiver = receiver;
	}

	@Override
	public void run() {
		long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
		long seen = -1;
		long quietSince = System.currentTimeMillis();
		while (System.currentTimeMillis() < deadline) {
			long now = this.receiver.requestCount();
			if (now != seen) {
				seen = now;
				quietSince = System.currentTimeMillis();
			}
			else if (System.currentTimeMillis() - quietSince >= QUIET_MILLIS) {
				break;
			}
			sleep(100);
		}
	}

	/**
	 * The SDK sends what it dropped in a client report with its next envelope: one more failure of {@code app}, once
	 * the SDK sends again (its health window is 2 s), carries what was counted at the end of the last measurement.
	 * @return the number of failures this added, one if it was answered with a 500
	 */
	long carryLastClientReport(AppProcess app, String failingPath) throws IOException, InterruptedException {
		Thread.sleep(3000);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + failingPath)).build(),
					HttpResponse.BodyHandlers.ofString());
		run();
		return (response.statusCode() == 500) ? 1 : 0;
	}

	/** The error events received so far. */
	long events() {
		return this.receiver.events();
	}

	/** What the application's SDK reported as dropped so far, per reason and category. */
	Map<String, Long> discarded() {
		return this.receiver.discarded();
	}

	/** The transactions received so far. */
	long transactions() {
		return this.receiver.transactions();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
