package dev.errortracking.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Gives exceptions thrown by filters and errors sent with {@code sendError} (Spring Security's 401 and 403
 * included) the same error body as controller failures, and runs the {@link AfterResponseTasks} of a request once
 * its response has been sent.
 */
public class ErrorHandlingFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(ErrorHandlingFilter.class);

	private final ErrorResponseHandler handler;

	public ErrorHandlingFilter(ErrorResponseHandler handler) {
		this.handler = handler;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		AfterResponseTasks deferred = (this.handler.reportsAfterResponse()
				&& request.getDispatcherType() == DispatcherType.REQUEST) ? AfterResponseTasks.open(request) : null;
		try {
			handle(request, response, chain);
		}
		finally {
			if (deferred != null) {
				deferred.run(request, response);
			}
		}
	}

	private void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ErrorCapturingResponse capturing = new ErrorCapturingResponse(response);
		try {
			chain.doFilter(request, capturing);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			Throwable failure = unwrap(ex);
			if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
				logger.debug("Client went away", failure);
				return;
			}
			this.handler.handleException(request, response, failure);
			return;
		}
		if (capturing.hasError() && !request.isAsyncStarted()) {
			sendCapturedError(request, response, capturing.errorStatus());
		}
	}

	private void sendCapturedError(HttpServletRequest request, HttpServletResponse response, int status) {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			ResolvedError handled = this.handler.handledError(request);
			if (handled != null) {
				this.handler.rewrite(request, response, handled);
				return;
			}
			if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer original
					&& original >= 400) {
				status = original;
			}
		}
		this.handler.handleStatus(request, response, status);
	}

	private static Throwable unwrap(Exception ex) {
		if (ex instanceof ServletException servletException && servletException.getRootCause() != null) {
			return servletException.getRootCause();
		}
		return ex;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
