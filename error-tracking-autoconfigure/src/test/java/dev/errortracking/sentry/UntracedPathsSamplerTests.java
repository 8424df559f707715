package dev.errortracking.sentry;

import java.util.List;

import io.sentry.CustomSamplingContext;
import io.sentry.SamplingContext;
import io.sentry.TransactionContext;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UntracedPathsSampler}.
 */
class UntracedPathsSamplerTests {

	private final UntracedPathsSampler sampler = new UntracedPathsSampler(List.of("/actuator/**", "/livez"));

	@Test
	void neverSamplesUntracedPaths() {
		assertThat(this.sampler.sample(context(request("", "/actuator/health/liveness")))).isZero();
		assertThat(this.sampler.sample(context(request("/shop", "/shop/livez")))).isZero();
	}

	@Test
	void leavesOtherRequestsToTheConfiguredRate() {
		assertThat(this.sampler.sample(context(request("", "/api/v1/posts/1")))).isNull();
		assertThat(this.sampler.sample(context(request("/shop", "/livez")))).isNull();
		assertThat(this.sampler.sample(new SamplingContext(new TransactionContext("job", "task"), null))).isNull();
	}

	private static MockHttpServletRequest request(String contextPath, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setContextPath(contextPath);
		return request;
	}

	private static SamplingContext context(MockHttpServletRequest request) {
		CustomSamplingContext custom = new CustomSamplingContext();
		custom.set("request", request);
		return new SamplingContext(new TransactionContext("GET " + request.getRequestURI(), "http.server"), custom);
	}

}
