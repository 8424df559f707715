package dev.errortracking.logging;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * Remembers when each stack trace (exception classes and frames along the cause chain, not the messages) was last
 * logged in full, and counts the repeats since then. Bounded: past {@value #MAX_STACK_TRACES} different stack
 * traces it starts afresh.
 */
final class RepeatedStackTraces {

	static final int MAX_STACK_TRACES = 1024;

	private static final int MAX_CAUSES = 16;

	private final ConcurrentMap<Long, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * Record one occurrence of {@code throwable} at {@code timestamp}.
	 * @return {@code null} when it is to be logged in full, else the repeat it is
	 */
	Repeat record(IThrowableProxy throwable, long timestamp, Duration window) {
		Long hash = hash(throwable);
		long windowMillis = window.toMillis();
		while (true) {
			Entry current = this.entries.get(hash);
			if (current != null && timestamp - current.fullAt < windowMillis) {
				return new Repeat(Math.max(0, timestamp - current.fullAt), current.repeats.incrementAndGet());
			}
			if (current == null && this.entries.size() >= MAX_STACK_TRACES) {
				this.entries.clear();
			}
			Entry fresh = new Entry(timestamp);
			boolean logsInFull = (current != null) ? this.entries.replace(hash, current, fresh)
					: this.entries.putIfAbsent(hash, fresh) == null;
			if (logsInFull) {
				return null;
			}
		}
	}

	/** A hash of the classes and frames, cheap enough for every logged failure (no formatting, no copies). */
	private static long hash(IThrowableProxy throwable) {
		long hash = 17;
		IThrowableProxy current = throwable;
		for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
			hash = 31 * hash + current.getClassName().hashCode();
			for (StackTraceElementProxy step : current.getStackTraceElementProxyArray()) {
				StackTraceElement frame = step.getStackTraceElement();
				hash = 31 * hash + frame.getClassName().hashCode();
				hash = 31 * hash + frame.getMethodName().hashCode();
				hash = 31 * hash + frame.getLineNumber();
			}
		}
		return hash;
	}

	/** When a stack trace was last logged in full, and how often it was repeated since; read without locking. */
	private static final class Entry {

		private final long fullAt;

		private final AtomicInteger repeats = new AtomicInteger();

		private Entry(long fullAt) {
			this.fullAt = fullAt;
		}

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
