package dev.errortracking.web;

import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Resolves every exception from a handler that the application's own {@code @ExceptionHandler}s did not.
 */
public class ErrorTrackingExceptionResolver implements HandlerExceptionResolver {

	private final ErrorResponseHandler handler;

	private final Predicate<Throwable> passThrough;

	/**
	 * Create a resolver.
	 * @param handler the handler that renders failures
	 * @param passThrough exceptions to leave to a filter further out, such as Spring Security's
	 */
	public ErrorTrackingExceptionResolver(ErrorResponseHandler handler, Predicate<Throwable> passThrough) {
		this.handler = handler;
		this.passThrough = passThrough;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (this.passThrough.test(ex)) {
			return null;
		}
		if (!DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			this.handler.handleException(request, response, ex);
		}
		return new ModelAndView();
	}

}
