package dev.errortracking.context;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a valid incoming request id or creates one, echoes it in a response header and puts it in the MDC.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	/** The MDC key of the request id. */
	public static final String MDC_KEY = "request_id";

	private final String headerName;

	public RequestIdFilter(String headerName) {
		this.headerName = headerName;
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
		String previous = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (previous != null) {
				MDC.put(MDC_KEY, previous);
			}
			else {
				MDC.remove(MDC_KEY);
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
