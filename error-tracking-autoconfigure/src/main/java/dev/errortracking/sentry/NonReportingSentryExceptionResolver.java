package dev.errortracking.sentry;

import io.sentry.ScopesAdapter;
import io.sentry.spring.jakarta.SentryExceptionResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.ModelAndView;

/**
 * Takes the place of Sentry's {@link SentryExceptionResolver} and reports nothing, because the library reports every
 * failure itself, once, by its reporting rule.
 */
public class NonReportingSentryExceptionResolver extends SentryExceptionResolver {

	public NonReportingSentryExceptionResolver() {
		super(ScopesAdapter.getInstance(), (request) -> null, Ordered.LOWEST_PRECEDENCE);
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		return null;
	}

}
