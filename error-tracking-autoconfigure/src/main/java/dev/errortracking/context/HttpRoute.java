package dev.errortracking.context;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.HandlerMapping;

/**
 * The route of a request: the matched template such as {@code /api/v1/posts/{id}}, else the raw path.
 */
public final class HttpRoute {

	private static final String CATCH_ALL = "/**";

	private HttpRoute() {
	}

	/** The matched route template, or {@code null} when no handler matched. */
	public static String templateOf(HttpServletRequest request) {
		return (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)
				? pattern : null;
	}

	/**
	 * The route template if a handler matched, else the original request path: during an error dispatch the
	 * path that failed, and for unknown routes the path that was asked for rather than a catch-all pattern.
	 */
	public static String of(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original) {
			return original;
		}
		String template = templateOf(request);
		if (template != null && !CATCH_ALL.equals(template)) {
			return template;
		}
		return request.getRequestURI();
	}

}
