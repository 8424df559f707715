package dev.errortracking.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import dev.errortracking.context.MdcKeys;
import dev.errortracking.context.RequestUser;
import dev.errortracking.context.RequestUserResolver;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for how {@link ErrorResponseHandler} names the user of a failure handled outside the user filter.
 */
class ErrorResponseHandlerUserTests {

	private final List<String> userIdsSeenByTheReporter = new ArrayList<>();

	private final ErrorReporter reporter = (error, request) -> {
		this.userIdsSeenByTheReporter.add(MDC.get(MdcKeys.USER_ID));
		return null;
	};

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin");

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void resolvesTheUserWhenTheUserFilterHasNotRun() {
		AtomicInteger resolutions = new AtomicInteger();
		handler((request) -> {
			resolutions.incrementAndGet();
			return RequestUser.ofId("alice");
		}).handleStatus(this.request, new MockHttpServletResponse(), 403);
		assertThat(this.userIdsSeenByTheReporter).containsExactly("alice");
		assertThat(this.request.getAttribute(RequestUser.ATTRIBUTE)).isEqualTo(RequestUser.ofId("alice"));
		assertThat(resolutions).hasValue(1);
		assertThat(MDC.get(MdcKeys.USER_ID)).isNull();
	}

	@Test
	void usesTheUserTheFilterResolvedOnceItsMdcEntryIsGone() {
		this.request.setAttribute(RequestUser.ATTRIBUTE, RequestUser.ofId("bob"));
		handler((request) -> {
			throw new AssertionError("resolved again");
		}).handleStatus(this.request, new MockHttpServletResponse(), 409);
		assertThat(this.userIdsSeenByTheReporter).containsExactly("bob");
		assertThat(MDC.get(MdcKeys.USER_ID)).isNull();
	}

	@Test
	void keepsTheMdcEntryOfTheUserFilter() {
		MDC.put(MdcKeys.USER_ID, "carol");
		handler((request) -> RequestUser.ofId("mallory")).handleStatus(this.request, new MockHttpServletResponse(),
				500);
		assertThat(this.userIdsSeenByTheReporter).containsExactly("carol");
		assertThat(MDC.get(MdcKeys.USER_ID)).isEqualTo("carol");
	}

	@Test
	void withoutAResolverNamesNoUser() {
		handler(null).handleStatus(this.request, new MockHttpServletResponse(), 403);
		assertThat(this.userIdsSeenByTheReporter).containsOnlyNulls().hasSize(1);
	}

	@Test
	void aFailingResolverLeavesTheFailureWithoutUser() {
		handler((request) -> {
			throw new IllegalStateException("no security context");
		}).handleStatus(this.request, new MockHttpServletResponse(), 403);
		assertThat(this.userIdsSeenByTheReporter).containsOnlyNulls().hasSize(1);
	}

	private ErrorResponseHandler handler(RequestUserResolver resolver) {
		return new ErrorResponseHandler(new ErrorClassifier(List.of(), Map.of()), this.reporter, new ErrorLogger(),
				mock(ErrorResponseWriter.class), resolver);
	}

}
