package dev.errortracking.context;

import org.springframework.lang.Nullable;
import org.springframework.util.Assert;

/**
 * The user a request is served for: a stable id, and a username and email that are only sent when the
 * application opts in.
 *
 * @param id the stable id of the user, never {@code null}
 * @param username the username, if known
 * @param email the email address, if known
 */
public record RequestUser(String id, @Nullable String username, @Nullable String email) {

	/** The request attribute that holds the resolved user. */
	public static final String ATTRIBUTE = RequestUser.class.getName();

	public RequestUser {
		Assert.hasText(id, "'id' must not be empty");
	}

	/** A user known by id only. */
	public static RequestUser ofId(String id) {
		return new RequestUser(id, null, null);
	}

}
