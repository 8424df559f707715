package dev.errortracking.context;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.util.ClassUtils;

/**
 * Resolves the user from Spring Security's authenticated principal: its name is the id. Outside Spring Security's
 * filter chain, once it has cleared its context holder (a request it rejected with 403), the principal is taken
 * from the security context it saved for the request or the session.
 */
public class SpringSecurityRequestUserResolver implements RequestUserResolver {

	private static final boolean SECURITY_WEB_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.web.context.RequestAttributeSecurityContextRepository",
			SpringSecurityRequestUserResolver.class.getClassLoader());

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	@Override
	public RequestUser resolve(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null && SECURITY_WEB_PRESENT) {
			authentication = SavedSecurityContext.authentication(request);
		}
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

	/** The security contexts that Spring Security's web filters save for a request and a session. */
	private static final class SavedSecurityContext {

		static Authentication authentication(HttpServletRequest request) {
			if (request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME)
					instanceof SecurityContext context && context.getAuthentication() != null) {
				return context.getAuthentication();
			}
			HttpSession session = request.getSession(false);
			if (session != null && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
					instanceof SecurityContext context) {
				return context.getAuthentication();
			}
			return null;
		}

	}

}
