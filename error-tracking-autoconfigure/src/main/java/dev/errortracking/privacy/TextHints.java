package dev.errortracking.privacy;

/**
 * One cheap pass over a text that tells which rules could match it, so that the others are not run at all.
 */
final class TextHints {

	static final int AT = 1;

	static final int CARD_DIGITS = 1 << 1;

	static final int IBAN = 1 << 2;

	static final int AUTH_SCHEME = 1 << 3;

	static final int JWT = 1 << 4;

	static final int PEM = 1 << 5;

	/** A {@code //} with an {@code @} somewhere after it, as credentials in a URL have. */
	static final int DOUBLE_SLASH = 1 << 6;

	static final int SSN = 1 << 7;

	static final int IPV4 = 1 << 8;

	static final int IPV6 = 1 << 9;

	static final int UPPER_RUN = 1 << 10;

	static final int SEPARATOR = 1 << 11;

	static final int ALL = (1 << 12) - 1;

	private static final int UNKNOWN = -2;


	private TextHints() {
	}

	static int of(String text) {
		int length = text.length();
		int hints = (length > 0 && isAuthScheme(text, 0)) ? AUTH_SCHEME : 0;
		int digitRun = 0;
		int dottedDigits = 0;
		int upperRun = 0;
		int lastColon = -10;
		int lastAt = UNKNOWN;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 'a' && c <= 'z') {
				digitRun = 0;
				upperRun = 0;
				dottedDigits = 0;
			}
			else if (c >= '0' && c <= '9') {
				if (++digitRun >= 13) {
					hints |= CARD_DIGITS;
				}
				if (i >= 2) {
					char previous = text.charAt(i - 1);
					char beforePrevious = text.charAt(i - 2);
					if (previous == '.' && isDigit(beforePrevious) && ++dottedDigits >= 3) {
						hints |= IPV4;
					}
					if (isDigit(previous) && i >= 3 && isUpper(beforePrevious) && isUpper(text.charAt(i - 3))) {
						hints |= IBAN;
					}
				}
				if (++upperRun >= 20) {
					hints |= UPPER_RUN;
				}
			}
			else if (c >= 'A' && c <= 'Z') {
				digitRun = 0;
				dottedDigits = 0;
				if (++upperRun >= 20) {
					hints |= UPPER_RUN;
				}
				if (c == 'J' && i >= 2 && text.charAt(i - 1) == 'y' && text.charAt(i - 2) == 'e') {
					hints |= JWT;
				}
			}
			else {
				upperRun = 0;
				if ((c != '-' && c != ' ') || i == 0 || !isDigit(text.charAt(i - 1))) {
					digitRun = 0;
				}
				if (c != '.') {
					dottedDigits = 0;
				}
				if (c != '_' && c != '-' && i + 1 < length && isAuthScheme(text, i + 1)) {
					hints |= AUTH_SCHEME;
				}
				switch (c) {
					case '-' -> hints |= (isSsnDash(text, i) ? SSN : 0)
							| ((i + 1 < length && text.charAt(i + 1) == '-' && text.startsWith("-----BEGIN", i))
									? PEM : 0);
					case '@' -> hints |= AT;
					case '%' -> hints |= (i + 2 < length && text.charAt(i + 1) == '4' && text.charAt(i + 2) == '0')
							? AT : 0;
					case '=' -> hints |= SEPARATOR;
					case '/' -> {
						if (i > 0 && text.charAt(i - 1) == '/') {
							if (lastAt == UNKNOWN) {
								lastAt = text.lastIndexOf('@');
							}
							hints |= (i < lastAt) ? DOUBLE_SLASH : 0;
						}
					}
					case ':' -> {
						hints |= SEPARATOR;
						if (i - lastColon <= 5 && isHexRun(text, lastColon + 1, i)) {
							hints |= IPV6;
						}
						lastColon = i;
					}
					default -> {
					}
				}
			}
		}
		return hints;
	}

	/** Whether the dash at {@code i} is the first of {@code 123-45-6789}. */
	private static boolean isSsnDash(String text, int i) {
		return i >= 3 && i + 8 <= text.length() && isDigit(text.charAt(i - 1)) && isDigit(text.charAt(i - 2))
				&& isDigit(text.charAt(i - 3)) && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 2))
				&& text.charAt(i + 3) == '-' && isDigit(text.charAt(i + 4)) && isDigit(text.charAt(i + 5))
				&& isDigit(text.charAt(i + 6)) && isDigit(text.charAt(i + 7));
	}

	private static boolean isHexRun(String text, int start, int end) {
		for (int i = Math.max(start, 0); i < end; i++) {
			if (Character.digit(text.charAt(i), 16) < 0) {
				return false;
			}
		}
		return start >= 0;
	}

	/**
	 * Whether "bearer" or "basic", in any case of ASCII letters (as the rule's pattern matches them), starts at
	 * {@code offset}. It is asked at the start and after every character that is neither a word character nor a
	 * dash, where the rule's {@code (?<![\\w-])} lets a match start.
	 */
	private static boolean isAuthScheme(String text, int offset) {
		if ((text.charAt(offset) | 0x20) != 'b' || offset + 5 > text.length()) {
			return false;
		}
		int second = text.charAt(offset + 1) | 0x20;
		if (second == 'a') {
			return (text.charAt(offset + 2) | 0x20) == 's' && (text.charAt(offset + 3) | 0x20) == 'i'
					&& (text.charAt(offset + 4) | 0x20) == 'c';
		}
		return second == 'e' && offset + 6 <= text.length() && (text.charAt(offset + 2) | 0x20) == 'a'
				&& (text.charAt(offset + 3) | 0x20) == 'r' && (text.charAt(offset + 4) | 0x20) == 'e'
				&& (text.charAt(offset + 5) | 0x20) == 'r';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isUpper(char c) {
		return c >= 'A' && c <= 'Z';
	}

}
