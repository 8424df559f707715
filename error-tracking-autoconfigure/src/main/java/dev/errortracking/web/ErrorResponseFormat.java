package dev.errortracking.web;

/**
 * The shape of the error body.
 */
public enum ErrorResponseFormat {

	/** {@code application/json}: {@code {"error", "message", "details", "requestId"}}. */
	STANDARD,

	/** RFC 9457 {@code application/problem+json} with {@code error}, {@code details} and {@code requestId} members. */
	PROBLEM_DETAILS

}
