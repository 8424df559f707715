package dev.errortracking.web;

import org.springframework.lang.Nullable;

/**
 * Turns an exception into a {@link ResolvedError}; mapper beans are consulted in order before the built-in ones.
 */
@FunctionalInterface
public interface ErrorMapper {

	/**
	 * Describe {@code exception} for the client.
	 * @param exception the failure, or one of its causes
	 * @return the error, or {@code null} when this mapper does not know the exception
	 */
	@Nullable
	ResolvedError map(Throwable exception);

}
