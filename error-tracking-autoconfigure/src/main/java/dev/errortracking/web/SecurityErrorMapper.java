package dev.errortracking.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Maps Spring Security's authentication failures to 401 and access denials to 403.
 */
public final class SecurityErrorMapper implements BuiltInErrorMapper {

	@Override
	public ResolvedError map(Throwable exception) {
		if (exception instanceof AuthenticationException) {
			return ResolvedError.ofStatus(401, exception);
		}
		if (exception instanceof AccessDeniedException) {
			return ResolvedError.ofStatus(403, exception);
		}
		return null;
	}

	@Override
	public int builtInOrder() {
		return 50;
	}

}
