package dev.errortracking.logging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import ch.qos.logback.classic.spi.ThrowableProxy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedStackTracesTests {

	private static final Duration WINDOW = Duration.ofSeconds(10);

	private final RepeatedStackTraces repeats = new RepeatedStackTraces();

	@Test
	void firstOccurrenceIsInFullThenRepeatsAreCountedUntilTheWindowEnds() {
		ThrowableProxy failure = new ThrowableProxy(new IllegalStateException("boom"));
		assertThat(this.repeats.record(failure, 1_000, WINDOW)).isNull();
		assertThat(this.repeats.record(failure, 2_500, WINDOW)).isEqualTo(new RepeatedStackTraces.Repeat(1_500, 1));
		assertThat(this.repeats.record(failure, 10_999, WINDOW)).isEqualTo(new RepeatedStackTraces.Repeat(9_999, 2));
		assertThat(this.repeats.record(failure, 11_000, WINDOW)).isNull();
		assertThat(this.repeats.record(failure, 11_001, WINDOW)).isEqualTo(new RepeatedStackTraces.Repeat(1, 1));
	}

	@Test
	void concurrentOccurrencesAreLoggedInFullOnceAndCountedWithoutGapsOrDuplicates() throws Exception {
		ThrowableProxy failure = new ThrowableProxy(new IllegalStateException("boom"));
		int threads = 8;
		int perThread = 2_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<Integer>>> results = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			results.add(executor.submit(() -> {
				start.await();
				List<Integer> counts = new ArrayList<>();
				for (int i = 0; i < perThread; i++) {
					RepeatedStackTraces.Repeat repeat = this.repeats.record(failure, 5_000, WINDOW);
					counts.add((repeat != null) ? repeat.count() : 0);
				}
				return counts;
			}));
		}
		start.countDown();
		List<Integer> all = new ArrayList<>();
		for (Future<List<Integer>> result : results) {
			all.addAll(result.get(30, TimeUnit.SECONDS));
		}
		executor.shutdown();
		Collections.sort(all);
		assertThat(all).containsExactlyElementsOf(IntStream.range(0, threads * perThread).boxed().toList());
	}

}
