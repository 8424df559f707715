package dev.errortracking.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.errortracking.privacy.PrivacyScrubber;

import org.springframework.core.Ordered;

/**
 * Scrubs the {@code details} of every error body after all other customizers have run.
 */
public class ScrubbingErrorBodyCustomizer implements ErrorBodyCustomizer, Ordered {

	private static final String DETAILS = "details";

	private final PrivacyScrubber scrubber;

	public ScrubbingErrorBodyCustomizer(PrivacyScrubber scrubber) {
		this.scrubber = scrubber;
	}

	@Override
	public void customize(Map<String, Object> body, ResolvedError error, HttpServletRequest request) {
		Object details = body.get(DETAILS);
		if (details != null) {
			body.put(DETAILS, this.scrubber.scrub(details));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
