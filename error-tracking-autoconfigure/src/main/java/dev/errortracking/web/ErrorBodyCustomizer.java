package dev.errortracking.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Changes the error body before it is written, for example to add members or translate the message.
 */
@FunctionalInterface
public interface ErrorBodyCustomizer {

	/**
	 * Customize the mutable {@code body} rendered for {@code error}.
	 * @param body the members of the body, in order
	 * @param error the classified failure
	 * @param request the failing request
	 */
	void customize(Map<String, Object> body, ResolvedError error, HttpServletRequest request);

}
