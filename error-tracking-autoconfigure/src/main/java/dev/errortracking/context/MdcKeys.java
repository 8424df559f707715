package dev.errortracking.context;

import java.util.List;

/**
 * The MDC keys of the request context, present on every log line written while a request is served.
 */
public final class MdcKeys {

	/** The request id, kept from a valid incoming header or generated. */
	public static final String REQUEST_ID = "request_id";

	/** The trace id of the request, when it is part of a trace. */
	public static final String TRACE_ID = "trace_id";

	/** The HTTP method of the request. */
	public static final String HTTP_METHOD = "http_method";

	/** The route template that matched the request, such as {@code /orders/{id}}. */
	public static final String HTTP_ROUTE = "http_route";

	/** The id of the authenticated user. */
	public static final String USER_ID = "user_id";

	/** All keys of the request context. */
	public static final List<String> ALL = List.of(REQUEST_ID, TRACE_ID, HTTP_METHOD, HTTP_ROUTE, USER_ID);

	private MdcKeys() {
	}

}
