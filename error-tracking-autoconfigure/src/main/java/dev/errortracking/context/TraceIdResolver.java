package dev.errortracking.context;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.lang.Nullable;

/**
 * Finds the trace id of a request, when the request is part of a trace.
 */
@FunctionalInterface
public interface TraceIdResolver {

	/** The trace id of {@code request}, or {@code null} when it is not traced. */
	@Nullable
	String traceId(HttpServletRequest request);

	/** A resolver that reads the trace id of a valid W3C {@code traceparent} header. */
	static TraceIdResolver traceparent() {
		return TraceParentHeader::traceId;
	}

}
