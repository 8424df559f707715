package dev.errortracking.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.errortracking.privacy.PrivacyScrubber;

import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customizer that scrubs the details of error bodies.
 */
class ScrubbingErrorBodyCustomizerTests {

	private final ScrubbingErrorBodyCustomizer customizer = new ScrubbingErrorBodyCustomizer(PrivacyScrubber.defaults());

	@Test
	void detailsLoseTheirSecretsAndTheRestOfTheBodyStays() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "CONFLICT");
		body.put("message", "Conflict");
		body.put("details", Map.of("constraint", "Key (email)=(alice@example.com) already exists", "token", "abc",
				"errors", List.of(Map.of("field", "password", "message", "must not be blank"))));
		body.put("requestId", "req-1");
		ResolvedError error = ResolvedError.of(409, "CONFLICT", "Conflict", Map.of(), null);
		this.customizer.customize(body, error, new MockHttpServletRequest());
		assertThat(body).containsEntry("error", "CONFLICT").containsEntry("requestId", "req-1");
		assertThat(body.get("details")).isEqualTo(Map.of("constraint", "Key (email)=([Filtered]) already exists",
				"token", "[Filtered]", "errors", List.of(Map.of("field", "password", "message", "must not be blank"))));
	}

	@Test
	void runsAfterOtherCustomizers() {
		assertThat(this.customizer.getOrder()).isEqualTo(Ordered.LOWEST_PRECEDENCE);
	}

}
