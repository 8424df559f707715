package dev.errortracking.context;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.lang.Nullable;

/**
 * Finds the user a request is served for. Declare a bean of this type to supply the user of an application
 * without Spring Security; with Spring Security the authenticated principal is used.
 */
@FunctionalInterface
public interface RequestUserResolver {

	/** The user of {@code request}, or {@code null} when it is anonymous. */
	@Nullable
	RequestUser resolve(HttpServletRequest request);

}
