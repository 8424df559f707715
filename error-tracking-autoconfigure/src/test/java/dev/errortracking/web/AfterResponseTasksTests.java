package dev.errortracking.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for the {@link AfterResponseTasks} that {@link ErrorHandlingFilter} runs.
 */
class AfterResponseTasksTests {

	private final ErrorHandlingFilter filter = filter(new ErrorReporter() {

		@Override
		public String report(ResolvedError error, HttpServletRequest request) {
			return null;
		}

		@Override
		public boolean reportsAfterResponse() {
			return true;
		}

	});

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders/1");

	private final MockHttpServletResponse sent = new MockHttpServletResponse();

	private final HttpServletResponse response = new HttpServletResponseWrapper(this.sent) {

		@Override
		public void flushBuffer() throws IOException {
			AfterResponseTasksTests.this.ran.add("flushed");
			super.flushBuffer();
		}

	};

	private final List<String> ran = new ArrayList<>();

	@Test
	void deferredTasksRunInOrderOnceTheResponseHasBeenSent() throws Exception {
		this.filter.doFilter(this.request, this.response, new MockFilterChain(new HttpServlet() {
		}, (request, response, chain) -> {
			response.getWriter().write("answer");
			assertThat(defer((HttpServletRequest) request, "first")).isTrue();
			assertThat(defer((HttpServletRequest) request, "second")).isTrue();
			assertThat(this.ran).isEmpty();
		}));
		assertThat(this.ran).containsExactly("flushed", "first", "second");
		assertThat(this.sent.getContentAsString()).isEqualTo("answer");
	}

	@Test
	void aFailingTaskDoesNotKeepTheNextOneFromRunning() throws Exception {
		this.filter.doFilter(this.request, this.response, new MockFilterChain(new HttpServlet() {
		}, (request, response, chain) -> {
			AfterResponseTasks.defer((HttpServletRequest) request, () -> {
				throw new IllegalStateException("broken");
			});
			defer((HttpServletRequest) request, "after the broken one");
		}));
		assertThat(this.ran).containsExactly("flushed", "after the broken one");
	}

	@Test
	void withoutTheFilterOrOnceItHasRunTasksAreNotDeferred() throws Exception {
		assertThat(defer(this.request, "before")).isFalse();
		this.filter.doFilter(this.request, this.response, new MockFilterChain());
		assertThat(defer(this.request, "after")).isFalse();
		assertThat(this.ran).isEmpty();
	}

	@Test
	void anErrorDispatchDefersNothing() throws Exception {
		this.request.setDispatcherType(DispatcherType.ERROR);
		List<Boolean> deferred = new ArrayList<>();
		this.filter.doFilter(this.request, this.response, new MockFilterChain(new HttpServlet() {
		}, (request, response, chain) -> deferred.add(defer((HttpServletRequest) request, "error dispatch"))));
		assertThat(deferred).containsExactly(false);
		assertThat(this.ran).isEmpty();
	}

	@Test
	void anAsynchronousRequestIsNotFlushedBeforeItsTasksRun() throws Exception {
		this.request.setAsyncSupported(true);
		this.filter.doFilter(this.request, this.response, new MockFilterChain(new HttpServlet() {
		}, (request, response, chain) -> {
			request.startAsync();
			defer((HttpServletRequest) request, "async");
		}));
		assertThat(this.ran).containsExactly("async");
	}

	@Test
	void withAReporterThatReportsAtOnceNothingIsDeferred() throws Exception {
		List<Boolean> deferred = new ArrayList<>();
		filter(ErrorReporter.NONE).doFilter(this.request, this.response, new MockFilterChain(new HttpServlet() {
		}, (request, response, chain) -> deferred.add(defer((HttpServletRequest) request, "at once"))));
		assertThat(deferred).containsExactly(false);
		assertThat(this.ran).isEmpty();
	}

	private static ErrorHandlingFilter filter(ErrorReporter reporter) {
		return new ErrorHandlingFilter(new ErrorResponseHandler(new ErrorClassifier(List.of(), Map.of()), reporter,
				new ErrorLogger(), mock(ErrorResponseWriter.class)));
	}

	private boolean defer(HttpServletRequest request, String name) {
		return AfterResponseTasks.defer(request, () -> this.ran.add(name));
	}

}
