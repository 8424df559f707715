package dev.errortracking.benchmarks.load;

import dev.errortracking.test.SentryReceiver;

/**
 * Waits after a measurement until the events queued by the application's Sentry SDK have arrived, so that their
 * sending does not run into the next measurement, and counts them.
 */
final class SentryDrain implements Runnable {

	private static final long QUIET_MILLIS = 1000;

	private static final long MAX_WAIT_MILLIS = 60_000;

	private final SentryReceiver receiver;

	private long events;

	private long transactions;

	SentryDrain(SentryReceiver receiver) {
		this.receiver = receiver;
	}

	@Override
	public void run() {
		long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
		int seen = -1;
		long quietSince = System.currentTimeMillis();
		while (System.currentTimeMillis() < deadline) {
			int now = this.receiver.requestCount();
			if (now != seen) {
				seen = now;
				quietSince = System.currentTimeMillis();
			}
			else if (System.currentTimeMillis() - quietSince >= QUIET_MILLIS) {
				break;
			}
			sleep(100);
		}
		this.events += this.receiver.events().size();
		this.transactions += this.receiver.transactions().size();
		this.receiver.reset();
	}

	/** The error events received so far. */
	long events() {
		return this.events;
	}

	/** The transactions received so far. */
	long transactions() {
		return this.transactions;
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
