package dev.errortracking.context;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MdcTaskDecorator}.
 */
class MdcTaskDecoratorTests {

	private final ExecutorService worker = Executors.newSingleThreadExecutor();

	@AfterEach
	void shutdown() {
		this.worker.shutdownNow();
		MDC.clear();
	}

	@Test
	void taskRunsWithTheSubmittersContextAndLeavesTheWorkerClean() throws Exception {
		MDC.put(MdcKeys.REQUEST_ID, "req-1");
		MDC.put(MdcKeys.USER_ID, "alice");
		AtomicReference<Map<String, String>> inTask = new AtomicReference<>();
		Runnable decorated = new MdcTaskDecorator().decorate(() -> inTask.set(MDC.getCopyOfContextMap()));
		MDC.clear();
		this.worker.submit(decorated).get(10, TimeUnit.SECONDS);
		assertThat(inTask.get()).containsOnly(Map.entry(MdcKeys.REQUEST_ID, "req-1"), Map.entry(MdcKeys.USER_ID, "alice"));
		assertThat(this.worker.submit(MDC::getCopyOfContextMap).get(10, TimeUnit.SECONDS)).isNullOrEmpty();
	}

	@Test
	void taskSubmittedWithoutContextDoesNotSeeTheWorkersOwnContext() throws Exception {
		this.worker.submit(() -> MDC.put("worker", "own")).get(10, TimeUnit.SECONDS);
		AtomicReference<Map<String, String>> inTask = new AtomicReference<>();
		this.worker.submit(new MdcTaskDecorator().decorate(() -> inTask.set(MDC.getCopyOfContextMap())))
			.get(10, TimeUnit.SECONDS);
		assertThat(inTask.get()).isNullOrEmpty();
		assertThat(this.worker.submit(MDC::getCopyOfContextMap).get(10, TimeUnit.SECONDS))
			.containsOnly(Map.entry("worker", "own"));
	}

}
