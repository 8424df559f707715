package dev.errortracking.context;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a valid incoming request id or creates one, echoes it in a response header and holds the request
 * context in the MDC ({@link MdcKeys}) until the request leaves the filter, whatever way it leaves.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	/** The MDC key of the request id. */
	public static final String MDC_KEY = MdcKeys.REQUEST_ID;

	private final String headerName;

	private final TraceIdResolver traceIdResolver;

	public RequestIdFilter(String headerName) {
		this(headerName, TraceIdResolver.traceparent());
	}

	public RequestIdFilter(String headerName, TraceIdResolver traceIdResolver) {
		this.headerName = headerName;
		this.traceIdResolver = traceIdResolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = RequestId.of(request);
		if (id == null) {
			String incoming = request.getHeader(this.headerName);
			id = RequestId.isValid(incoming) ? incoming : RequestId.generate();
			request.setAttribute(RequestId.ATTRIBUTE, id);
		}
		if (!response.containsHeader(this.headerName)) {
			response.setHeader(this.headerName, id);
		}
		Map<String, String> previous = snapshot();
		try {
			MDC.put(MdcKeys.REQUEST_ID, id);
			MDC.put(MdcKeys.HTTP_METHOD, request.getMethod());
			putIfPresent(MdcKeys.TRACE_ID, traceId(request));
			chain.doFilter(request, response);
		}
		finally {
			restore(previous);
		}
	}

	private String traceId(HttpServletRequest request) {
		try {
			return this.traceIdResolver.traceId(request);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not resolve the trace id", ex);
			return null;
		}
	}

	private static void putIfPresent(String key, String value) {
		if (value != null) {
			MDC.put(key, value);
		}
	}

	private static Map<String, String> snapshot() {
		Map<String, String> values = new HashMap<>();
		for (String key : MdcKeys.ALL) {
			String value = MDC.get(key);
			if (value != null) {
				values.put(key, value);
			}
		}
		return values;
	}

	private static void restore(Map<String, String> previous) {
		for (String key : MdcKeys.ALL) {
			String value = previous.get(key);
			if (value != null) {
				MDC.put(key, value);
			}
			else {
				MDC.remove(key);
			}
		}
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
