package dev.errortracking.context;

import io.sentry.ISpan;
import io.sentry.Sentry;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Resolves the trace id of the Sentry transaction serving the request when tracing is on, else delegates.
 */
public class SentryTraceIdResolver implements TraceIdResolver {

	private final TraceIdResolver fallback;

	public SentryTraceIdResolver(TraceIdResolver fallback) {
		this.fallback = fallback;
	}

	@Override
	public String traceId(HttpServletRequest request) {
		ISpan span = Sentry.getSpan();
		if (span != null && !span.isNoOp()) {
			return span.getSpanContext().getTraceId().toString();
		}
		return this.fallback.traceId(request);
	}

}
