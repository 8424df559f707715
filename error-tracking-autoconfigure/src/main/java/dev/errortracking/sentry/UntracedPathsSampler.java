package dev.errortracking.sentry;

import java.util.List;

import io.sentry.CustomSamplingContext;
import io.sentry.SamplingContext;
import io.sentry.SentryOptions;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.lang.Nullable;
import org.springframework.util.AntPathMatcher;

/**
 * Never samples requests to the given paths, such as health checks; leaves every other decision to the configured
 * {@code traces-sample-rate} and to the incoming trace.
 */
public class UntracedPathsSampler implements SentryOptions.TracesSamplerCallback {

	private final AntPathMatcher matcher = new AntPathMatcher();

	private final List<String> patterns;

	/**
	 * Create a sampler.
	 * @param patterns the Ant-style path patterns, relative to the context path, that are never traced
	 */
	public UntracedPathsSampler(List<String> patterns) {
		this.patterns = List.copyOf(patterns);
	}

	@Override
	@Nullable
	public Double sample(SamplingContext samplingContext) {
		CustomSamplingContext custom = samplingContext.getCustomSamplingContext();
		if (custom != null && custom.get("request") instanceof HttpServletRequest request
				&& isUntraced(request.getRequestURI().substring(request.getContextPath().length()))) {
			return 0.0;
		}
		return null;
	}

	private boolean isUntraced(String path) {
		for (String pattern : this.patterns) {
			if (this.matcher.match(pattern, path)) {
				return true;
			}
		}
		return false;
	}

}
