package dev.errortracking.sentry;

import java.util.List;

import io.sentry.Breadcrumb;
import io.sentry.DataCategory;
import io.sentry.Hint;
import io.sentry.IScopes;
import io.sentry.ScopeType;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.TypeCheckHint;
import io.sentry.clientreport.DiscardReason;
import io.sentry.exception.ExceptionMechanismException;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryId;
import io.sentry.spring.jakarta.SentryRequestResolver;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.errortracking.context.HttpRoute;
import dev.errortracking.context.RequestId;
import dev.errortracking.exception.ApplicationException;
import dev.errortracking.web.AfterResponseTasks;
import dev.errortracking.web.ErrorReporter;
import dev.errortracking.web.ResolvedError;

import org.springframework.lang.Nullable;

/**
 * Reports failures to Sentry by the {@link ReportingRule} and returns the id of the captured event; records every
 * other failure as a breadcrumb on the global scope, so that the next reported event shows it. Repeats of one kind
 * of failure beyond a set number of events per second are counted instead of built into events.
 * <p>
 * Each request runs in its own isolation scope, which ends with the request, so a breadcrumb kept there would never
 * be seen. The global scope is shared by all requests: its breadcrumbs therefore carry only the method, route
 * template, status and error code, never a request id, path, query or anything the client sent.
 */
public class SentryErrorReporter implements ErrorReporter {

	/** The mechanism type of the exceptions this reporter captures. */
	public static final String MECHANISM_TYPE = "error-tracking";

	/**
	 * The extra on an event that tells how many failures of its kind were not built into events since the last one,
	 * held back by the limit of events per second per kind.
	 */
	public static final String REPEATS_HELD_BACK = "repeats_held_back";

	/** The category of the breadcrumbs of failures that are not reported. */
	public static final String BREADCRUMB_CATEGORY = "http.error";

	private static final Logger logger = LoggerFactory.getLogger(SentryErrorReporter.class);

	private final IScopes scopes;

	private final ReportingRule rule;

	private final boolean breadcrumbs;

	@Nullable
	private final SentryRequestResolver requestResolver;

	@Nullable
	private final SendBackpressure backpressure;

	@Nullable
	private final RepeatLimit repeatLimit;

	private final boolean afterResponse;

	/**
	 * Create a reporter.
	 * @param scopes the Sentry scopes to capture with
	 * @param rule which failures to report
	 * @param breadcrumbs whether failures that are not reported become breadcrumbs
	 * @param requestResolver describes the request for events captured outside Sentry's request filter
	 * @param dropWhenBacklogged whether no event is built while the SDK would drop it: Sentry asked for a pause, or
	 * the send queue overflowed moments ago
	 * @param eventsPerSecondPerKind how many events per second are built for each kind of failure (exception type and
	 * route, the event's fingerprint), in bursts of up to one second's worth; the others are counted in the SDK's
	 * client reports and on the next event of their kind; zero or less for no limit
	 * @param afterResponse whether the event is built and handed to the SDK once the response has been sent, where
	 * the library's error handling filter serves the request; its id is then chosen before the SDK's callbacks run
	 */
	public SentryErrorReporter(IScopes scopes, ReportingRule rule, boolean breadcrumbs,
			@Nullable SentryRequestResolver requestResolver, boolean dropWhenBacklogged,
			double eventsPerSecondPerKind, boolean afterResponse) {
		this.scopes = scopes;
		this.rule = rule;
		this.breadcrumbs = breadcrumbs;
		this.requestResolver = requestResolver;
		this.backpressure = dropWhenBacklogged ? new SendBackpressure(scopes) : null;
		this.repeatLimit = (eventsPerSecondPerKind > 0) ? new RepeatLimit(eventsPerSecondPerKind, System::nanoTime)
				: null;
		this.afterResponse = afterResponse;
	}

	@Override
	@Nullable
	public String report(ResolvedError error, HttpServletRequest request) {
		if (!this.scopes.isEnabled()) {
			return null;
		}
		if (!this.rule.shouldReport(error)) {
			if (this.breadcrumbs) {
				Breadcrumb breadcrumb = breadcrumb(error, request);
				this.scopes.configureScope(ScopeType.GLOBAL, (scope) -> scope.addBreadcrumb(breadcrumb));
			}
			return null;
		}
		if (this.backpressure != null && this.backpressure.dropsEvent()) {
			return null;
		}
		String transaction = request.getMethod() + " " + route(request);
		Throwable exception = error.exception();
		List<String> fingerprint = List.of(
				(exception != null) ? exception.getClass().getName() : "status " + error.status(), transaction);
		long heldBack = 0;
		if (this.repeatLimit != null) {
			heldBack = this.repeatLimit.admit(fingerprint);
			if (heldBack == RepeatLimit.HELD_BACK) {
				this.scopes.getOptions()
					.getClientReportRecorder()
					.recordLostEvent(DiscardReason.SAMPLE_RATE, DataCategory.Error);
				return null;
			}
		}
		SentryEvent event = event(error, request, transaction, fingerprint);
		if (heldBack > 0) {
			event.setExtra(REPEATS_HELD_BACK, heldBack);
		}
		if (this.afterResponse && event.getEventId() != null
				&& AfterResponseTasks.defer(request, () -> captureAfterResponse(event, request))) {
			return event.getEventId().toString();
		}
		SentryId id = capture(event, request);
		return sent(id) ? id.toString() : null;
	}

	@Override
	public boolean reportsAfterResponse() {
		return this.afterResponse;
	}

	private SentryId capture(SentryEvent event, HttpServletRequest request) {
		Hint hint = new Hint();
		hint.set(TypeCheckHint.SPRING_RESOLVER_REQUEST, request);
		return this.scopes.captureEvent(event, hint, (scope) -> {
			if (scope.getRequest() == null && this.requestResolver != null) {
				scope.setRequest(describe(request, this.requestResolver));
			}
		});
	}

	private void captureAfterResponse(SentryEvent event, HttpServletRequest request) {
		if (!sent(capture(event, request))) {
			logger.debug("Sentry's SDK dropped event {}, whose id the client was given", event.getEventId());
		}
	}

	private static boolean sent(SentryId id) {
		return id != null && !SentryId.EMPTY_ID.equals(id);
	}

	private SentryEvent event(ResolvedError error, HttpServletRequest request, String transaction,
			List<String> fingerprint) {
		Throwable exception = error.exception();
		SentryEvent event;
		if (exception != null) {
			Mechanism mechanism = new Mechanism();
			mechanism.setType(MECHANISM_TYPE);
			mechanism.setHandled(exception instanceof ApplicationException);
			event = new SentryEvent(new ExceptionMechanismException(mechanism, exception, Thread.currentThread()));
		}
		else {
			event = new SentryEvent();
			Message message = new Message();
			message.setMessage("Error response " + error.status() + " " + error.code() + " for " + transaction);
			event.setMessage(message);
		}
		event.setLevel(SentryLevel.ERROR);
		event.setTransaction(transaction);
		event.setTag("error_code", error.code());
		event.setTag("http_status", Integer.toString(error.status()));
		String requestId = RequestId.of(request);
		if (requestId != null) {
			event.setTag("request_id", requestId);
		}
		event.setFingerprints(fingerprint);
		return event;
	}

	private static Breadcrumb breadcrumb(ResolvedError error, HttpServletRequest request) {
		String template = (request.getDispatcherType() != DispatcherType.ERROR) ? HttpRoute.templateOf(request)
				: null;
		Breadcrumb breadcrumb = new Breadcrumb();
		breadcrumb.setType("http");
		breadcrumb.setCategory(BREADCRUMB_CATEGORY);
		breadcrumb.setLevel(error.isServerError() ? SentryLevel.ERROR : SentryLevel.WARNING);
		breadcrumb.setMessage(request.getMethod() + " " + ((template != null) ? template : "(no route)") + " -> "
				+ error.status() + " " + error.code());
		breadcrumb.setData("method", request.getMethod());
		if (template != null) {
			breadcrumb.setData("route", template);
		}
		breadcrumb.setData("status_code", error.status());
		breadcrumb.setData("error_code", error.code());
		return breadcrumb;
	}

	private static String route(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			return (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original) ? original
					: request.getRequestURI();
		}
		String template = HttpRoute.templateOf(request);
		return (template != null) ? template : request.getRequestURI();
	}

	private static Request describe(HttpServletRequest request, SentryRequestResolver resolver) {
		Request described = resolver.resolveSentryRequest(request);
		if (request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
				&& described.getUrl() != null) {
			String url = described.getUrl();
			int pathStart = url.indexOf('/', url.indexOf("//") + 2);
			described.setUrl(((pathStart >= 0) ? url.substring(0, pathStart) : url) + original);
		}
		return described;
	}

}
