package dev.errortracking.context;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the user of the request once authentication has run, keeps it as a request attribute and puts its
 * id in the MDC as {@link MdcKeys#USER_ID} for the rest of the request.
 */
public class RequestUserFilter extends OncePerRequestFilter {

	private final RequestUserResolver resolver;

	public RequestUserFilter(RequestUserResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestUser user = RequestUser.resolveOnce(request, this.resolver);
		if (user == null) {
			chain.doFilter(request, response);
			return;
		}
		String previous = MDC.get(MdcKeys.USER_ID);
		try {
			MDC.put(MdcKeys.USER_ID, user.id());
			chain.doFilter(request, response);
		}
		finally {
			if (previous != null) {
				MDC.put(MdcKeys.USER_ID, previous);
			}
			else {
				MDC.remove(MdcKeys.USER_ID);
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
