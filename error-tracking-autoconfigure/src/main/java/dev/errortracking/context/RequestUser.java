package dev.errortracking.context;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final String NO_USER_ATTRIBUTE = ATTRIBUTE + ".none";

	private static final Logger logger = LoggerFactory.getLogger(RequestUser.class);

	public RequestUser {
		Assert.hasText(id, "'id' must not be empty");
	}

	/**
	 * The user of {@code request}, asking {@code resolver} at most once per request: the answer, a user or none, is
	 * kept as a request attribute. A resolver that fails counts as no user.
	 * @param request the request
	 * @param resolver resolves the user
	 * @return the user, or {@code null} if there is none
	 */
	@Nullable
	public static RequestUser resolveOnce(HttpServletRequest request, RequestUserResolver resolver) {
		if (request.getAttribute(ATTRIBUTE) instanceof RequestUser user) {
			return user;
		}
		if (request.getAttribute(NO_USER_ATTRIBUTE) != null) {
			return null;
		}
		RequestUser user;
		try {
			user = resolver.resolve(request);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not resolve the user of the request", ex);
			user = null;
		}
		request.setAttribute((user != null) ? ATTRIBUTE : NO_USER_ATTRIBUTE, (user != null) ? user : Boolean.TRUE);
		return user;
	}

	/** A user known by id only. */
	public static RequestUser ofId(String id) {
		return new RequestUser(id, null, null);
	}

}
