package dev.errortracking.privacy;

/**
 * Recognises the frame lines of a printed stack trace, which hold code locations and never data.
 */
final class StackFrames {

	private StackFrames() {
	}

	/**
	 * Whether {@code text[start, end)} is exactly a frame line: tabs, {@code at }, a qualified name, and in
	 * parentheses a file name with an optional line number, {@code Native Method} or {@code Unknown Source};
	 * or a {@code ... 12 more} line. Anything else, packaging data included, is not.
	 */
	static boolean isFrameLine(String text, int start, int end) {
		int i = start;
		while (i < end && text.charAt(i) == '\t') {
			i++;
		}
		if (i == start) {
			return false;
		}
		if (text.startsWith("... ", i)) {
			return isMoreLine(text, i + 4, end);
		}
		if (!text.startsWith("at ", i)) {
			return false;
		}
		int nameStart = i + 3;
		int open = text.indexOf('(', nameStart);
		int close = end - 1;
		if (open < 0 || open >= close || text.charAt(close) != ')') {
			return false;
		}
		return isQualifiedName(text, nameStart, open) && isLocation(text, open + 1, close)
				&& !looksLikeData(text, nameStart, close);
	}

	/** Whether the line holds a run of more than 7 digits (a number worth hiding) or the start of a token. */
	private static boolean looksLikeData(String text, int start, int end) {
		int run = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			run = Character.isDigit(c) ? run + 1 : 0;
			if (run > 7 || (c == 'e' && i + 2 < end && text.charAt(i + 1) == 'y' && text.charAt(i + 2) == 'J')) {
				return true;
			}
		}
		return false;
	}

	private static boolean isMoreLine(String text, int start, int end) {
		int i = start;
		while (i < end && Character.isDigit(text.charAt(i))) {
			i++;
		}
		return i > start && text.startsWith(" more", i) && i + 5 == end;
	}

	private static boolean isQualifiedName(String text, int start, int end) {
		boolean dot = false;
		boolean segmentStart = true;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c == '.' || c == '/') {
				dot |= c == '.';
				segmentStart = true;
			}
			else if (segmentStart ? (isIdentifierStart(c) || c == '<') : isNameChar(c)) {
				segmentStart = false;
			}
			else {
				return false;
			}
		}
		return dot && !segmentStart;
	}

	private static boolean isNameChar(char c) {
		return isIdentifierPart(c) || c == '<' || c == '>' || c == '-';
	}

	private static boolean isIdentifierStart(char c) {
		return (c < 128) ? isAsciiLetter(c) || c == '_' || c == '$' : Character.isJavaIdentifierStart(c);
	}

	private static boolean isIdentifierPart(char c) {
		return (c < 128) ? isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '$'
				: Character.isJavaIdentifierPart(c);
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isLocation(String text, int start, int end) {
		if (isExactly(text, start, end, "Native Method") || isExactly(text, start, end, "Unknown Source")) {
			return true;
		}
		int colon = text.indexOf(':', start);
		int fileEnd = (colon >= 0 && colon < end) ? colon : end;
		if (fileEnd == start || !isIdentifierStart(text.charAt(start))) {
			return false;
		}
		for (int i = start + 1; i < fileEnd; i++) {
			char c = text.charAt(i);
			if (!isIdentifierPart(c) && c != '.') {
				return false;
			}
		}
		if (fileEnd == end) {
			return true;
		}
		int digits = end - fileEnd - 1;
		if (digits < 1 || digits > 7) {
			return false;
		}
		for (int i = fileEnd + 1; i < end; i++) {
			if (!Character.isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isExactly(String text, int start, int end, String expected) {
		return end - start == expected.length() && text.startsWith(expected, start);
	}

}
