package dev.errortracking.logging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.logstash.logback.stacktrace.StackHasher;

/**
 * Remembers when each stack trace (by logstash's stack hash: exception classes and frames, without messages) was
 * last logged in full, and counts the repeats since then. Bounded: past {@value #MAX_STACK_TRACES} different
 * stack traces it starts afresh.
 */
final class RepeatedStackTraces {

	static final int MAX_STACK_TRACES = 1024;

	private final StackHasher hasher = new StackHasher();

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * Record one occurrence of {@code throwable} at {@code timestamp}.
	 * @return {@code null} when it is to be logged in full, else the repeat it is
	 */
	Repeat record(Throwable throwable, long timestamp, Duration window) {
		String hash = this.hasher.hexHash(throwable);
		if (this.entries.size() >= MAX_STACK_TRACES && !this.entries.containsKey(hash)) {
			this.entries.clear();
		}
		long windowMillis = window.toMillis();
		Entry entry = this.entries.compute(hash,
				(key, previous) -> (previous == null || timestamp - previous.fullAt() >= windowMillis)
						? new Entry(timestamp, 0) : new Entry(previous.fullAt(), previous.repeats() + 1));
		return (entry.repeats() == 0) ? null : new Repeat(Math.max(0, timestamp - entry.fullAt()), entry.repeats());
	}

	private record Entry(long fullAt, int repeats) {

	}

	/**
	 * A stack trace seen again within the window.
	 *
	 * @param sinceFullMillis the time since it was logged in full
	 * @param count the repeats since then, this one included
	 */
	record Repeat(long sinceFullMillis, int count) {

	}

}
