package dev.errortracking.sentry;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A kind of failure gets one second's worth of events at once, then as many per second as set; what is held back is
 * counted and handed to the next one that goes through; kinds have allowances of their own, up to a bound.
 */
class RepeatLimitTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	@Test
	void aBurstOfOneSecondsWorthGoesThroughAndTheRestIsHeldBack() {
		RepeatLimit limit = new RepeatLimit(5, this.now::get);

		for (int i = 0; i < 5; i++) {
			assertThat(limit.admit("db down")).as("event %d", i).isZero();
		}
		assertThat(limit.admit("db down")).isEqualTo(RepeatLimit.HELD_BACK);
		assertThat(limit.admit("db down")).isEqualTo(RepeatLimit.HELD_BACK);
	}

	@Test
	void theNextEventAfterARefillCarriesHowManyWereHeldBack() {
		RepeatLimit limit = new RepeatLimit(2, this.now::get);
		limit.admit("db down");
		limit.admit("db down");
		for (int i = 0; i < 7; i++) {
			assertThat(limit.admit("db down")).isEqualTo(RepeatLimit.HELD_BACK);
		}

		advance(TimeUnit.MILLISECONDS.toNanos(499));
		assertThat(limit.admit("db down")).as("not yet a whole event's worth").isEqualTo(RepeatLimit.HELD_BACK);
		advance(TimeUnit.MILLISECONDS.toNanos(2));
		assertThat(limit.admit("db down")).isEqualTo(8);
		assertThat(limit.admit("db down")).isEqualTo(RepeatLimit.HELD_BACK);
		advance(TimeUnit.MILLISECONDS.toNanos(500));
		assertThat(limit.admit("db down")).as("the count starts again after each event").isEqualTo(1);
	}

	@Test
	void aLongPauseRefillsNoMoreThanOneSecondsWorth() {
		RepeatLimit limit = new RepeatLimit(3, this.now::get);
		advance(TimeUnit.HOURS.toNanos(1));

		assertThat(limit.admit("db down")).isZero();
		assertThat(limit.admit("db down")).isZero();
		assertThat(limit.admit("db down")).isZero();
		assertThat(limit.admit("db down")).isEqualTo(RepeatLimit.HELD_BACK);
	}

	@Test
	void aRateBelowOneLetsOneThroughAndThenOneInEveryFewSeconds() {
		RepeatLimit limit = new RepeatLimit(0.25, this.now::get);

		assertThat(limit.admit("db down")).isZero();
		assertThat(limit.admit("db down")).isEqualTo(RepeatLimit.HELD_BACK);
		advance(TimeUnit.MILLISECONDS.toNanos(3_900));
		assertThat(limit.admit("db down")).isEqualTo(RepeatLimit.HELD_BACK);
		advance(TimeUnit.MILLISECONDS.toNanos(100));
		assertThat(limit.admit("db down")).isEqualTo(2);
	}

	@Test
	void eachKindHasAnAllowanceOfItsOwn() {
		RepeatLimit limit = new RepeatLimit(1, this.now::get);
		assertThat(limit.admit("db down")).isZero();
		assertThat(limit.admit("db down")).isEqualTo(RepeatLimit.HELD_BACK);

		assertThat(limit.admit("payments timed out")).isZero();
		assertThat(limit.admit("payments timed out")).isEqualTo(RepeatLimit.HELD_BACK);
	}

	@Test
	void kindsBeyondTheBoundShareOneAllowance() {
		RepeatLimit limit = new RepeatLimit(2, this.now::get);
		for (int i = 0; i < RepeatLimit.MAX_KINDS; i++) {
			assertThat(limit.admit("route " + i)).isZero();
		}

		assertThat(limit.admit("new 1")).isZero();
		assertThat(limit.admit("new 2")).isZero();
		assertThat(limit.admit("new 3")).as("a third new kind within the second").isEqualTo(RepeatLimit.HELD_BACK);
		assertThat(limit.admit("route 0")).as("a tracked kind keeps its own allowance").isZero();
		advance(TimeUnit.MILLISECONDS.toNanos(500));
		assertThat(limit.admit("new 4")).as("what the shared allowance held back was of other kinds").isZero();
	}

	@Test
	void kindsNotSeenForAMinuteMakeRoomForNewOnes() {
		RepeatLimit limit = new RepeatLimit(1, this.now::get);
		for (int i = 0; i < RepeatLimit.MAX_KINDS; i++) {
			limit.admit("route " + i);
		}
		advance(TimeUnit.SECONDS.toNanos(30));
		assertThat(limit.admit("route 0")).isZero();
		assertThat(limit.admit("route 0")).isEqualTo(RepeatLimit.HELD_BACK);
		advance(TimeUnit.SECONDS.toNanos(31));

		for (int i = 0; i < 3; i++) {
			assertThat(limit.admit("new " + i)).as("new kind %d has an allowance of its own", i).isZero();
		}
		assertThat(limit.admit("route 0")).as("route 0 was seen 31 s ago and kept its count").isEqualTo(1);
	}

	@Test
	void aRateThatIsNotPositiveIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RepeatLimit(0, this.now::get));
		assertThatIllegalArgumentException().isThrownBy(() -> new RepeatLimit(Double.NaN, this.now::get));
	}

	private void advance(long nanos) {
		this.now.addAndGet(nanos);
	}

}
