package dev.errortracking.context;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Resolves the user from Spring Security's authenticated principal: its name is the id.
 */
public class SpringSecurityRequestUserResolver implements RequestUserResolver {

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	@Override
	public RequestUser resolve(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| this.trustResolver.isAnonymous(authentication)) {
			return null;
		}
		String id = authentication.getName();
		if (id == null || id.isBlank()) {
			return null;
		}
		String username = (authentication.getPrincipal() instanceof UserDetails details) ? details.getUsername()
				: id;
		return new RequestUser(id, username, null);
	}

}
