package dev.errortracking.context;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link RequestIdFilter}.
 */
class RequestIdFilterTests {

	private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private final RequestIdFilter filter = new RequestIdFilter(RequestId.DEFAULT_HEADER);

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final Map<String, String> mdcInChain = new HashMap<>();

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void validIncomingIdIsKeptEchoedAndInTheMdc() throws Exception {
		this.request.addHeader(RequestId.DEFAULT_HEADER, "abc-123_x.y:z");
		this.filter.doFilter(this.request, this.response, recordingChain());
		assertThat(this.response.getHeader(RequestId.DEFAULT_HEADER)).isEqualTo("abc-123_x.y:z");
		assertThat(RequestId.of(this.request)).isEqualTo("abc-123_x.y:z");
		assertThat(this.mdcInChain).containsEntry(MdcKeys.REQUEST_ID, "abc-123_x.y:z")
			.containsEntry(MdcKeys.HTTP_METHOD, "POST")
			.doesNotContainKey(MdcKeys.TRACE_ID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc\r\nSet-Cookie: session=evil", "abc\ndef", "abc\rdef", "\"quoted\"", "a b",
			"<script>alert(1)</script>", "", "id;drop", "ünïcode" })
	void unsafeIncomingIdIsReplacedNeverReflected(String unsafe) throws Exception {
		this.request.addHeader(RequestId.DEFAULT_HEADER, unsafe);
		this.filter.doFilter(this.request, this.response, recordingChain());
		String id = this.response.getHeader(RequestId.DEFAULT_HEADER);
		assertThat(id).matches(UUID_PATTERN).isNotEqualTo(unsafe);
		assertThat(this.mdcInChain).containsEntry(MdcKeys.REQUEST_ID, id);
	}

	@Test
	void tenKilobyteIdIsReplaced() throws Exception {
		String huge = "a".repeat(10 * 1024);
		this.request.addHeader(RequestId.DEFAULT_HEADER, huge);
		this.filter.doFilter(this.request, this.response, recordingChain());
		assertThat(this.response.getHeader(RequestId.DEFAULT_HEADER)).matches(UUID_PATTERN);
		assertThat(RequestId.of(this.request)).hasSize(36);
	}

	@Test
	void traceIdOfAValidTraceparentIsInTheMdc() throws Exception {
		this.request.addHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		this.filter.doFilter(this.request, this.response, recordingChain());
		assertThat(this.mdcInChain).containsEntry(MdcKeys.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@ParameterizedTest
	@ValueSource(strings = { "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
			"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
			"garbage", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nX: y" })
	void malformedTraceparentIsIgnored(String traceparent) throws Exception {
		this.request.addHeader("traceparent", traceparent);
		this.filter.doFilter(this.request, this.response, recordingChain());
		assertThat(this.mdcInChain).doesNotContainKey(MdcKeys.TRACE_ID);
	}

	@Test
	void everyContextKeyIsClearedWhenTheChainFails() {
		MockFilterChain failing = new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
				MDC.put(MdcKeys.HTTP_ROUTE, "/orders");
				MDC.put(MdcKeys.USER_ID, "alice");
				throw new IllegalStateException("boom");
			}

		};
		assertThatIllegalStateException().isThrownBy(() -> this.filter.doFilter(this.request, this.response, failing));
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void contextOfAnEnclosingScopeIsRestored() throws Exception {
		MDC.put(MdcKeys.REQUEST_ID, "outer");
		MDC.put("other", "kept");
		this.filter.doFilter(this.request, this.response, recordingChain());
		assertThat(this.mdcInChain.get(MdcKeys.REQUEST_ID)).isNotEqualTo("outer");
		assertThat(MDC.getCopyOfContextMap()).containsOnly(Map.entry(MdcKeys.REQUEST_ID, "outer"),
				Map.entry("other", "kept"));
	}

	private MockFilterChain recordingChain() {
		return new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
					throws java.io.IOException, ServletException {
				RequestIdFilterTests.this.mdcInChain.putAll(MDC.getCopyOfContextMap());
				super.doFilter(request, response);
			}

		};
	}

}
