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

	ValueRule(String name, Pattern pattern, int hints, Validator validator, Anchors.Finder anchors, int window) {
		this.name = Objects.requireNonNull(name, "name");
		this.pattern = Objects.requireNonNull(pattern, "pattern");
		this.hints = hints;
		this.secretGroup = pattern.pattern().contains("(?<" + SECRET_GROUP + ">");
		this.validator = validator;
		this.anchors = anchors;
		this.window = window;
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

	@Override
	public String toString() {
		return this.name + ": " + this.pattern.pattern();
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
