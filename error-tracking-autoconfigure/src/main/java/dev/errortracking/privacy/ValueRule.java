package dev.errortracking.privacy;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule that finds secrets by their value in any text and replaces them, keeping the text around them.
 * <p>
 * The whole match is replaced, or only the named group {@code secret} when the pattern has one. Matching is
 * bounded: a pattern that needs more than a fixed number of steps per character makes the text be removed.
 */
public final class ValueRule {

	private static final String SECRET_GROUP = "secret";

	private final String name;

	private final Pattern pattern;

	private final int hints;

	private final boolean secretGroup;

	private final Validator validator;

	private final Anchors.Finder anchors;

	private final int window;

	private final Match match;

	ValueRule(String name, Pattern pattern, int hints, Validator validator, Anchors.Finder anchors, int window) {
		this(name, pattern, hints, validator, anchors, window, null);
	}

	ValueRule(String name, Pattern pattern, int hints, Validator validator, Anchors.Finder anchors, int window,
			Match match) {
		this.name = Objects.requireNonNull(name, "name");
		this.pattern = Objects.requireNonNull(pattern, "pattern");
		this.hints = hints;
		this.secretGroup = pattern.pattern().contains("(?<" + SECRET_GROUP + ">");
		this.validator = validator;
		this.anchors = anchors;
		this.window = window;
		this.match = (anchors != null) ? match : null;
	}

	/** A rule replacing every match of {@code regex} (or of its group {@code secret}). */
	public static ValueRule of(String name, String regex) {
		return of(name, Pattern.compile(regex));
	}

	/** A rule replacing every match of {@code pattern} (or of its group {@code secret}). */
	public static ValueRule of(String name, Pattern pattern) {
		return new ValueRule(name, pattern, TextHints.ALL, null, null, 0);
	}

	/** The name of this rule. */
	public String name() {
		return this.name;
	}

	/** The pattern of this rule. */
	public Pattern pattern() {
		return this.pattern;
	}

	boolean mayMatch(int textHints) {
		return this.hints == TextHints.ALL || (this.hints & textHints) != 0;
	}

	/**
	 * Replace what this rule finds in {@code text}; {@code text} is the same instance when nothing was found. With
	 * anchors, the pattern is only tried at each candidate start, on a window that holds its longest possible match.
	 */
	String apply(String text, StepBudget.Counted counted, String replacement) {
		if (this.match != null) {
			return applyMatch(text, replacement);
		}
		Matcher matcher = this.pattern.matcher(counted).useTransparentBounds(true).useAnchoringBounds(false);
		Anchors.Scan scan = (this.anchors != null) ? this.anchors.scan(text) : null;
		StringBuilder result = null;
		int copied = 0;
		int length = text.length();
		int from = 0;
		while (true) {
			boolean found;
			if (scan != null) {
				int candidate = scan.next();
				if (candidate < 0) {
					break;
				}
				if (candidate < copied || candidate >= length) {
					continue;
				}
				matcher.region(candidate, (int) Math.min(length, (long) candidate + this.window));
				found = matcher.lookingAt();
			}
			else {
				if (from > length) {
					break;
				}
				matcher.region(from, length);
				found = matcher.find();
				if (!found) {
					break;
				}
				from = matcher.start() + 1;
			}
			if (!found) {
				continue;
			}
			int start = this.secretGroup ? matcher.start(SECRET_GROUP) : matcher.start();
			int end = this.secretGroup ? matcher.end(SECRET_GROUP) : matcher.end();
			if (start >= copied && end > start && this.validator != null) {
				end = this.validator.secretEnd(text, matcher, start, end);
			}
			if (start < copied || end <= start) {
				continue;
			}
			if (result == null) {
				result = new StringBuilder(length + 16);
			}
			result.append(text, copied, start).append(replacement);
			copied = end;
			from = end;
		}
		if (result == null) {
			return text;
		}
		return result.append(text, copied, length).toString();
	}

	/** The same rule matched by its pattern only, to check a hand-written match against. */
	ValueRule withPatternOnly() {
		return new ValueRule(this.name, this.pattern, this.hints, this.validator, this.anchors, this.window);
	}

	private String applyMatch(String text, String replacement) {
		Anchors.Scan scan = this.anchors.scan(text);
		StringBuilder result = null;
		int copied = 0;
		for (int candidate = scan.next(); candidate >= 0; candidate = scan.next()) {
			if (candidate < copied || candidate >= text.length()) {
				continue;
			}
			int end = this.match.end(text, candidate);
			if (end > candidate) {
				if (result == null) {
					result = new StringBuilder(text.length() + 16);
				}
				result.append(text, copied, candidate).append(replacement);
				copied = end;
			}
		}
		return (result != null) ? result.append(text, copied, text.length()).toString() : text;
	}

	@Override
	public String toString() {
		return this.name + ": " + this.pattern.pattern();
	}

	/**
	 * Matches the pattern, and confirms the match as the validator would, at one candidate start without the
	 * regular expression engine.
	 */
	@FunctionalInterface
	interface Match {

		/**
		 * @return where the match starting at {@code start} ends, or -1 when there is none
		 */
		int end(String text, int start);

	}

	/** Confirms a candidate and tells where the secret ends. */
	@FunctionalInterface
	interface Validator {

		/**
		 * @return the end of the secret that starts at {@code start}, or -1 when the candidate is no secret
		 */
		int secretEnd(String text, Matcher matcher, int start, int end);

	}

}
