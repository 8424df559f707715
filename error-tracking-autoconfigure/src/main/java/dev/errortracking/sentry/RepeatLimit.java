package dev.errortracking.sentry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Lets at most a set number of events per second through for each kind of failure (its fingerprint), with bursts
 * of up to one second's worth, and counts the failures of that kind it holds back until the next one goes through.
 * <p>
 * Kinds are tracked up to a bound; kinds beyond it share one allowance, so that failures under ever new names (an
 * unmatched path in every request) cannot grow the table or escape the limit. What the shared allowance holds back
 * is counted, but handed to no event, since those failures were of other kinds.
 */
final class RepeatLimit {

	/** What {@link #admit(Object)} answers for a failure that is held back. */
	static final long HELD_BACK = -1;

	static final int MAX_KINDS = 512;

	private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

	private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final double perSecond;

	private final LongSupplier nanoTime;

	private final ConcurrentHashMap<Object, Allowance> allowances = new ConcurrentHashMap<>();

	private final Allowance shared;

	private volatile long lastSweep;

	RepeatLimit(double perSecond, LongSupplier nanoTime) {
		if (!(perSecond > 0)) {
			throw new IllegalArgumentException("events per second must be positive, was " + perSecond);
		}
		this.perSecond = perSecond;
		this.nanoTime = nanoTime;
		long now = nanoTime.getAsLong();
		this.shared = new Allowance(perSecond, now);
		this.lastSweep = now;
	}

	/**
	 * Whether a failure of this kind goes through now: {@link #HELD_BACK} if not, otherwise how many of its kind
	 * were held back since the last one that went through.
	 */
	long admit(Object kind) {
		long now = this.nanoTime.getAsLong();
		Allowance allowance = allowanceOf(kind, now);
		long heldBack = allowance.take(now, this.perSecond);
		return (allowance == this.shared && heldBack > 0) ? 0 : heldBack;
	}

	private Allowance allowanceOf(Object kind, long now) {
		Allowance allowance = this.allowances.get(kind);
		if (allowance != null) {
			return allowance;
		}
		if (this.allowances.size() >= MAX_KINDS && !sweep(now)) {
			return this.shared;
		}
		return this.allowances.computeIfAbsent(kind, (key) -> new Allowance(this.perSecond, now));
	}

	/** Forget the kinds not seen for a while, at most once a second; whether there is room afterwards. */
	private boolean sweep(long now) {
		long last = this.lastSweep;
		if (now - last >= SWEEP_INTERVAL_NANOS) {
			this.lastSweep = now;
			this.allowances.values().removeIf((allowance) -> allowance.idleSince(now) > IDLE_NANOS);
		}
		return this.allowances.size() < MAX_KINDS;
	}

	/** The allowance of one kind: a bucket of up to one second's worth of events, refilled as time passes. */
	private static final class Allowance {

		private final double capacity;

		private double tokens;

		private long refilled;

		private long heldBack;

		Allowance(double perSecond, long now) {
			this.capacity = Math.max(1, perSecond);
			this.tokens = this.capacity;
			this.refilled = now;
		}

		synchronized long take(long now, double perSecond) {
			long elapsed = now - this.refilled;
			if (elapsed > 0) {
				this.tokens = Math.min(this.capacity, this.tokens + elapsed * perSecond / 1e9);
				this.refilled = now;
			}
			if (this.tokens < 1) {
				this.heldBack++;
				return HELD_BACK;
			}
			this.tokens -= 1;
			long held = this.heldBack;
			this.heldBack = 0;
			return held;
		}

		synchronized long idleSince(long now) {
			return now - this.refilled;
		}

	}

}
