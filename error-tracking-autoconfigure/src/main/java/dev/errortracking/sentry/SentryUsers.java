package dev.errortracking.sentry;

import java.util.regex.Pattern;

import io.sentry.protocol.User;

import dev.errortracking.privacy.PrivacyRules;
import dev.errortracking.privacy.PrivacyScrubber;

/**
 * Reduces what Sentry is told about a user, on events and in the user attributes of logs and metrics alike, to a
 * stable id, and to the email address, username and IP address only where the application opts in.
 */
final class SentryUsers {

	private static final int MAX_NUMERIC_ID_LENGTH = 19;

	private static final Pattern UUID_FORM = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final PrivacyScrubber scrubber;

	SentryUsers(PrivacyScrubber scrubber) {
		this.scrubber = scrubber;
	}

	User reduce(User user) {
		if (user == null) {
			return null;
		}
		PrivacyRules rules = this.scrubber.rules();
		User reduced = new User();
		reduced.setId(stableId(user.getId(), user.getUsername(), user.getEmail()));
		if (rules.sendUserEmail()) {
			reduced.setEmail(user.getEmail());
		}
		if (rules.sendUsername()) {
			reduced.setUsername(user.getUsername());
		}
		if (rules.sendUserIpAddress()) {
			reduced.setIpAddress(user.getIpAddress());
		}
		boolean empty = reduced.getId() == null && reduced.getEmail() == null && reduced.getUsername() == null
				&& reduced.getIpAddress() == null;
		return empty ? null : reduced;
	}

	/**
	 * The user's id when it gives nothing away (a number that is not a card number, or a UUID), otherwise the
	 * pseudonym of the first of id, username and email.
	 */
	String stableId(String id, String username, String email) {
		if (id != null && isOpaque(id) && this.scrubber.scrubText(id).equals(id)) {
			return id;
		}
		for (String candidate : new String[] { id, username, email }) {
			if (candidate != null && !candidate.isBlank()) {
				return this.scrubber.pseudonym(candidate.trim());
			}
		}
		return null;
	}

	boolean sendsEmail() {
		return this.scrubber.rules().sendUserEmail();
	}

	boolean sendsUsername() {
		return this.scrubber.rules().sendUsername();
	}

	private static boolean isOpaque(String id) {
		if (!id.isEmpty() && id.length() <= MAX_NUMERIC_ID_LENGTH && id.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return true;
		}
		return UUID_FORM.matcher(id).matches();
	}

}
