package dev.errortracking.context;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Puts the route template of the handled request in the MDC once handler mapping has found it, except the error
 * path of an error dispatch. The key stays until {@link RequestIdFilter} clears the request context, so failure
 * lines written on the way out carry it too.
 */
public class HttpRouteMdcInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String route = HttpRoute.templateOf(request);
		if (route != null && request.getDispatcherType() != DispatcherType.ERROR) {
			MDC.put(MdcKeys.HTTP_ROUTE, route);
		}
		return true;
	}

}
