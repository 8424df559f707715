package dev.errortracking.context;

import io.sentry.protocol.User;
import io.sentry.spring.jakarta.SentryUserProvider;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Gives Sentry's user filter the user of the current request: its id always, username, email and IP address
 * only when the application opted in.
 */
public class RequestUserSentryUserProvider implements SentryUserProvider {

	private final RequestUserResolver resolver;

	private final boolean includeUsername;

	private final boolean includeEmail;

	private final boolean includeIpAddress;

	public RequestUserSentryUserProvider(RequestUserResolver resolver, boolean includeUsername,
			boolean includeEmail, boolean includeIpAddress) {
		this.resolver = resolver;
		this.includeUsername = includeUsername;
		this.includeEmail = includeEmail;
		this.includeIpAddress = includeIpAddress;
	}

	@Override
	public User provideUser() {
		HttpServletRequest request = currentRequest();
		if (request == null) {
			return null;
		}
		RequestUser requestUser = (request.getAttribute(RequestUser.ATTRIBUTE) instanceof RequestUser attribute)
				? attribute : this.resolver.resolve(request);
		if (requestUser == null) {
			return null;
		}
		User user = new User();
		user.setId(requestUser.id());
		if (this.includeUsername) {
			user.setUsername(requestUser.username());
		}
		if (this.includeEmail) {
			user.setEmail(requestUser.email());
		}
		if (this.includeIpAddress) {
			user.setIpAddress(request.getRemoteAddr());
		}
		return user;
	}

	private static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

}
