package dev.errortracking.context;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.HandlerMapping;

/**
 * The route of a request: the matched template such as {@code /api/v1/posts/{id}}, else the raw path.
 */
public final class HttpRoute {

	private HttpRoute() {
	}

	/** The matched route template, or {@code null} when no handler matched. */
	public static String templateOf(HttpServletRequest request) {
		return (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)
				? pattern : null;
	}

	/** The route template if one matched, else the original request path (before any error dispatch). */
	public static String of(HttpServletRequest request) {
		String template = templateOf(request);
		if (template != null) {
			return template;
		}
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original) {
			return original;
		}
		return request.getRequestURI();
	}

}
