package dev.errortracking.privacy;

/**
 * Matches the email rule's pattern at one position without a regular expression engine: the same language and the
 * same match as the pattern of {@link BuiltInRule#EMAIL}, in one pass over the candidate.
 */
final class EmailMatch {

	private static final int MAX_LOCAL_PART = 128;

	private static final int MAX_LABELS = 8;

	private static final int MAX_LABEL = 63;

	private static final int MIN_TOP_LEVEL = 2;

	private static final int MAX_TOP_LEVEL = 24;

	private EmailMatch() {
	}

	/** Where the match starting at {@code start} ends, or -1 when there is none. */
	static int end(String text, int start) {
		int length = text.length();
		if (start >= length || (start > 0 && isLocalPart(text.charAt(start - 1))) || !isLocalPart(text.charAt(start))) {
			return -1;
		}
		int run = start;
		while (run < length && run - start < MAX_LOCAL_PART && isLocalPart(text.charAt(run))) {
			run++;
		}
		for (int split = run; split > start; split--) {
			int end = -1;
			if (split < length && text.charAt(split) == '@') {
				end = domainEnd(text, split + 1);
			}
			if (end < 0 && text.startsWith("%40", split)) {
				end = domainEnd(text, split + 3);
			}
			if (end >= 0) {
				return end;
			}
		}
		return -1;
	}

	/** The end of {@code label.}{1,8} followed by a top-level domain, trying the most labels first. */
	private static int domainEnd(String text, int from) {
		int[] labelEnds = new int[MAX_LABELS];
		int labels = 0;
		int position = from;
		while (labels < MAX_LABELS) {
			int dot = labelDot(text, position);
			if (dot < 0) {
				break;
			}
			position = dot + 1;
			labelEnds[labels++] = position;
		}
		for (int count = labels; count >= 1; count--) {
			int end = topLevelEnd(text, labelEnds[count - 1]);
			if (end >= 0) {
				return end;
			}
		}
		return -1;
	}

	/** The position of the dot after a label of letters, digits and inner hyphens at {@code from}, or -1. */
	private static int labelDot(String text, int from) {
		int length = text.length();
		int i = from;
		while (i < length && i - from <= MAX_LABEL && isLabel(text.charAt(i))) {
			i++;
		}
		int size = i - from;
		if (size < 1 || size > MAX_LABEL || i >= length || text.charAt(i) != '.') {
			return -1;
		}
		return (text.charAt(from) != '-' && text.charAt(i - 1) != '-') ? i : -1;
	}

	private static int topLevelEnd(String text, int from) {
		int length = text.length();
		int i = from;
		while (i < length && isAsciiLetter(text.charAt(i))) {
			i++;
		}
		int size = i - from;
		if (size < MIN_TOP_LEVEL || size > MAX_TOP_LEVEL) {
			return -1;
		}
		return (i < length && (isWord(text.charAt(i)) || text.charAt(i) == '-')) ? -1 : i;
	}

	private static boolean isLocalPart(char c) {
		return isWord(c) || c == '.' || c == '%' || c == '+' || c == '-';
	}

	private static boolean isLabel(char c) {
		return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
	}

	private static boolean isWord(char c) {
		return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

}
