package dev.errortracking.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the value rules and the key-value rule to one text, within a length limit and a step budget.
 */
final class TextScrubber {

	private static final long STEPS_PER_CHARACTER_AND_RULE = 256;

	private static final long BASE_STEPS = 16_384;

	private final List<ValueRule> rules;

	private final KeyMatcher keys;

	private final boolean keyValueText;

	private final String replacement;

	private final int maxLength;

	private final boolean unhintedRules;

	TextScrubber(PrivacyRules rules, KeyMatcher keys) {
		List<ValueRule> valueRules = new ArrayList<>(BuiltInValueRules.inOrder(rules.builtInRules()));
		valueRules.addAll(rules.extraRules());
		this.rules = List.copyOf(valueRules);
		this.keys = keys;
		this.keyValueText = rules.builtInRules().contains(BuiltInRule.KEY_VALUE_TEXT) && !keys.isEmpty();
		this.replacement = rules.replacement();
		this.maxLength = rules.maxStringLength();
		this.unhintedRules = !rules.extraRules().isEmpty();
	}

	boolean isEmpty() {
		return this.rules.isEmpty() && !this.keyValueText;
	}

	String scrub(String text) {
		if (text == null || text.isEmpty() || isEmpty()) {
			return text;
		}
		String current = limit(text);
		if (!this.unhintedRules && PlainTokens.isPlainToken(current)) {
			return current;
		}
		return (current.indexOf("\tat ") >= 0) ? scrubStackTrace(current) : scrubPlain(current);
	}

	/**
	 * Scrub a text holding stack frames: frame lines of the exact form {@code at name(File.java:123)} hold code, not
	 * data, and are kept as they are; everything between them is scrubbed as one piece.
	 */
	private String scrubStackTrace(String text) {
		StringBuilder result = null;
		int length = text.length();
		int chunkStart = 0;
		int lineStart = 0;
		while (lineStart < length) {
			int newline = text.indexOf('\n', lineStart);
			int lineEnd = (newline < 0) ? length : newline + 1;
			if (StackFrames.isFrameLine(text, lineStart, (newline < 0) ? length : newline)) {
				if (result == null) {
					result = new StringBuilder(length + 16);
				}
				if (chunkStart < lineStart) {
					result.append(scrubPlain(text.substring(chunkStart, lineStart)));
				}
				result.append(text, lineStart, lineEnd);
				chunkStart = lineEnd;
			}
			lineStart = lineEnd;
		}
		if (result == null) {
			return scrubPlain(text);
		}
		if (chunkStart < length) {
			result.append(scrubPlain(text.substring(chunkStart)));
		}
		return result.toString();
	}

	private String scrubPlain(String current) {
		int hints = TextHints.of(current);
		if (hints == 0 && !this.unhintedRules) {
			return current;
		}
		try {
			StepBudget.Counted counted = StepBudget.count(current,
					BASE_STEPS + STEPS_PER_CHARACTER_AND_RULE * current.length() * this.rules.size());
			for (ValueRule rule : this.rules) {
				if (rule.mayMatch(hints)) {
					counted = counted.with(current);
					current = rule.apply(current, counted, this.replacement);
				}
			}
		}
		catch (StepBudget.Exceeded ex) {
			return this.replacement;
		}
		if (this.keyValueText && (hints & TextHints.SEPARATOR) != 0) {
			current = KeyValueText.scrub(current, this.keys, this.replacement);
		}
		return current;
	}

	/** Cut a text longer than the limit, dropping its last partial word so that no half secret is left. */
	String limit(String text) {
		if (text.length() <= this.maxLength) {
			return text;
		}
		int end = this.maxLength;
		while (end > 0 && !Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + this.replacement;
	}

}
