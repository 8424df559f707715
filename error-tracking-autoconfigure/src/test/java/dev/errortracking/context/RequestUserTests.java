package dev.errortracking.context;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestUser#resolveOnce}.
 */
class RequestUserTests {

	private final MockHttpServletRequest request = new MockHttpServletRequest();

	private final AtomicInteger resolutions = new AtomicInteger();

	@Test
	void aUserIsResolvedOncePerRequest() {
		RequestUserResolver resolver = (request) -> {
			this.resolutions.incrementAndGet();
			return RequestUser.ofId("alice");
		};
		assertThat(RequestUser.resolveOnce(this.request, resolver)).isEqualTo(RequestUser.ofId("alice"));
		assertThat(RequestUser.resolveOnce(this.request, resolver)).isEqualTo(RequestUser.ofId("alice"));
		assertThat(this.request.getAttribute(RequestUser.ATTRIBUTE)).isEqualTo(RequestUser.ofId("alice"));
		assertThat(this.resolutions).hasValue(1);
	}

	@Test
	void noUserIsAlsoAnAnswerKeptForTheRequest() {
		RequestUserResolver resolver = (request) -> {
			this.resolutions.incrementAndGet();
			return null;
		};
		assertThat(RequestUser.resolveOnce(this.request, resolver)).isNull();
		assertThat(RequestUser.resolveOnce(this.request, resolver)).isNull();
		assertThat(this.request.getAttribute(RequestUser.ATTRIBUTE)).isNull();
		assertThat(this.resolutions).hasValue(1);
	}

	@Test
	void aFailingResolverCountsAsNoUser() {
		RequestUserResolver resolver = (request) -> {
			this.resolutions.incrementAndGet();
			throw new IllegalStateException("no context");
		};
		assertThat(RequestUser.resolveOnce(this.request, resolver)).isNull();
		assertThat(RequestUser.resolveOnce(this.request, resolver)).isNull();
		assertThat(this.resolutions).hasValue(1);
	}

}
