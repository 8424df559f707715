package dev.errortracking.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Replaces Boot's {@code /error} endpoint so that container error dispatches get the same error body.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ErrorTrackingErrorController implements ErrorController {

	private final ErrorResponseHandler handler;

	public ErrorTrackingErrorController(ErrorResponseHandler handler) {
		this.handler = handler;
	}

	/** Render the error of the current error dispatch; a direct request to the path is a 404. */
	@RequestMapping
	public void error(HttpServletRequest request, HttpServletResponse response) {
		ResolvedError handled = this.handler.handledError(request);
		if (handled != null) {
			this.handler.rewrite(request, response, handled);
			return;
		}
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int code = (status instanceof Integer value && value >= 400) ? value : 404;
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable exception) {
			if (code < 500 && DisconnectedClientHelper.isClientDisconnectedException(exception)) {
				// The container could not read the request, such as a body cut short: the client's failure.
				this.handler.handle(request, response, ResolvedError.ofStatus(code, exception));
				return;
			}
			this.handler.handleException(request, response, exception);
			return;
		}
		this.handler.handleStatus(request, response, code);
	}

}
