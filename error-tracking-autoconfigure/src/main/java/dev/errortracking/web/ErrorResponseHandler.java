package dev.errortracking.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.errortracking.context.MdcKeys;
import dev.errortracking.context.RequestId;
import dev.errortracking.context.RequestUser;
import dev.errortracking.context.RequestUserResolver;

import org.springframework.lang.Nullable;

/**
 * Handles one failure end to end: classify, report, log once, and write the error body if still possible.
 */
public class ErrorResponseHandler {

	private static final String HANDLED_ATTRIBUTE = ErrorResponseHandler.class.getName() + ".handled";

	private static final String EVENT_ID_ATTRIBUTE = ErrorResponseHandler.class.getName() + ".eventId";

	private static final Logger logger = LoggerFactory.getLogger(ErrorResponseHandler.class);

	private final ErrorClassifier classifier;

	private final ErrorReporter reporter;

	private final ErrorLogger errorLogger;

	private final ErrorResponseWriter writer;

	@Nullable
	private final RequestUserResolver userResolver;

	public ErrorResponseHandler(ErrorClassifier classifier, ErrorReporter reporter, ErrorLogger errorLogger,
			ErrorResponseWriter writer) {
		this(classifier, reporter, errorLogger, writer, null);
	}

	/**
	 * Create a handler that also resolves the user of a failure that happened before the request user was known,
	 * such as a request Spring Security rejected, so that its line and event name the user too.
	 * @param classifier classifies failures
	 * @param reporter reports failures
	 * @param errorLogger logs each failure once
	 * @param writer writes the error body
	 * @param userResolver resolves the user of such a request, or {@code null} to leave it without one
	 */
	public ErrorResponseHandler(ErrorClassifier classifier, ErrorReporter reporter, ErrorLogger errorLogger,
			ErrorResponseWriter writer, @Nullable RequestUserResolver userResolver) {
		this.classifier = classifier;
		this.reporter = reporter;
		this.errorLogger = errorLogger;
		this.writer = writer;
		this.userResolver = userResolver;
	}

	/** Handle an exception raised while serving {@code request}. */
	public void handleException(HttpServletRequest request, HttpServletResponse response, Throwable exception) {
		handle(request, response, this.classifier.classify(exception));
	}

	/** Handle an error status without an exception, such as one sent with {@code sendError}. */
	public void handleStatus(HttpServletRequest request, HttpServletResponse response, int status) {
		handle(request, response, ResolvedError.ofStatus(status, null));
	}

	/** Write the body for {@code error} again without reporting or logging it, for a failure already handled. */
	public void rewrite(HttpServletRequest request, HttpServletResponse response, ResolvedError error) {
		String eventId = (request.getAttribute(EVENT_ID_ATTRIBUTE) instanceof String id) ? id : null;
		write(request, response, error, RequestId.getOrCreate(request), eventId);
	}

	/** The error already handled for {@code request}, if any. */
	@Nullable
	public ResolvedError handledError(HttpServletRequest request) {
		return (request.getAttribute(HANDLED_ATTRIBUTE) instanceof ResolvedError error) ? error : null;
	}

	/** Whether the reporter defers work until the response has been sent, see {@link AfterResponseTasks}. */
	public boolean reportsAfterResponse() {
		return this.reporter.reportsAfterResponse();
	}

	/** Describe {@code exception} without handling it. */
	public ResolvedError classify(Throwable exception) {
		return this.classifier.classify(exception);
	}

	/** Handle an already classified failure. */
	public void handle(HttpServletRequest request, HttpServletResponse response, ResolvedError error) {
		RequestUser lateUser = lateUser(request);
		if (lateUser == null) {
			handleAs(request, response, error);
			return;
		}
		MDC.put(MdcKeys.USER_ID, lateUser.id());
		try {
			handleAs(request, response, error);
		}
		finally {
			MDC.remove(MdcKeys.USER_ID);
		}
	}

	/**
	 * The user of a request whose failure is handled outside the user filter: before it ran (a request Spring Security
	 * rejected) or after it ended (an error status sent by the application); {@code null} while the filter's MDC
	 * entry is in place.
	 */
	@Nullable
	private RequestUser lateUser(HttpServletRequest request) {
		if (MDC.get(MdcKeys.USER_ID) != null) {
			return null;
		}
		if (this.userResolver == null) {
			return (request.getAttribute(RequestUser.ATTRIBUTE) instanceof RequestUser user) ? user : null;
		}
		return RequestUser.resolveOnce(request, this.userResolver);
	}

	private void handleAs(HttpServletRequest request, HttpServletResponse response, ResolvedError error) {
		request.setAttribute(HANDLED_ATTRIBUTE, error);
		String requestId = RequestId.getOrCreate(request);
		String eventId = report(error, request);
		request.setAttribute(EVENT_ID_ATTRIBUTE, eventId);
		boolean committed = response.isCommitted();
		this.errorLogger.log(error, request, requestId, eventId, committed);
		if (!committed) {
			write(request, response, error, requestId, eventId);
		}
	}

	private String report(ResolvedError error, HttpServletRequest request) {
		try {
			return this.reporter.report(error, request);
		}
		catch (RuntimeException ex) {
			logger.debug("Error reporter failed", ex);
			return null;
		}
	}

	private void write(HttpServletRequest request, HttpServletResponse response, ResolvedError error,
			String requestId, @Nullable String eventId) {
		try {
			this.writer.write(request, response, error, requestId, eventId);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not write the error body", ex);
		}
	}

}
