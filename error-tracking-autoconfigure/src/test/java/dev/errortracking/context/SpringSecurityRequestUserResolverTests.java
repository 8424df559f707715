package dev.errortracking.context;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpringSecurityRequestUserResolver}.
 */
class SpringSecurityRequestUserResolverTests {

	private final SpringSecurityRequestUserResolver resolver = new SpringSecurityRequestUserResolver();

	private final MockHttpServletRequest request = new MockHttpServletRequest();

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void usesTheAuthenticationOfTheContextHolder() {
		SecurityContextHolder.getContext().setAuthentication(authenticated("alice"));
		assertThat(this.resolver.resolve(this.request)).isEqualTo(new RequestUser("alice", "alice", null));
	}

	@Test
	void usesTheContextSavedForTheRequestOnceTheHolderIsCleared() {
		this.request.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME,
				new SecurityContextImpl(authenticated("bob")));
		assertThat(this.resolver.resolve(this.request).id()).isEqualTo("bob");
	}

	@Test
	void usesTheContextSavedInTheSessionOnceTheHolderIsCleared() {
		this.request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
				new SecurityContextImpl(authenticated("carol")));
		assertThat(this.resolver.resolve(this.request).id()).isEqualTo("carol");
	}

	@Test
	void anonymousOrMissingAuthenticationIsNoUser() {
		assertThat(this.resolver.resolve(this.request)).isNull();
		this.request.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME,
				new SecurityContextImpl(new AnonymousAuthenticationToken("key", "anonymousUser",
						AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))));
		assertThat(this.resolver.resolve(this.request)).isNull();
	}

	private static UsernamePasswordAuthenticationToken authenticated(String name) {
		return UsernamePasswordAuthenticationToken.authenticated(name, "n/a", List.of());
	}

}
