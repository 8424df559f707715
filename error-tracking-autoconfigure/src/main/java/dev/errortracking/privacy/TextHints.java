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

	static final int DOUBLE_SLASH = 1 << 6;

	static final int SSN = 1 << 7;

	static final int IPV4 = 1 << 8;

	static final int IPV6 = 1 << 9;

	static final int UPPER_RUN = 1 << 10;

	static final int SEPARATOR = 1 << 11;

	static final int ALL = (1 << 12) - 1;

	private TextHints() {
	}

	static int of(CharSequence text) {
		int hints = 0;
		int length = text.length();
		int digitRun = 0;
		int dottedDigits = 0;
		int upperRun = 0;
		int lastColon = -10;
		boolean hexSinceColon = true;
		char previous = 0;
		char beforePrevious = 0;
		char third = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digitRun++;
				if (digitRun >= 13) {
					hints |= CARD_DIGITS;
				}
				if (previous == '.' && isDigit(beforePrevious) && ++dottedDigits >= 3) {
					hints |= IPV4;
				}
				if (isDigit(previous) && isUpper(beforePrevious) && isUpper(third)) {
					hints |= IBAN;
				}
				upperRun++;
			}
			else {
				if ((c != ' ' && c != '-') || !isDigit(previous)) {
					digitRun = 0;
				}
				if (c >= 'A' && c <= 'Z') {
					upperRun++;
				}
				else {
					upperRun = 0;
				}
				switch (c) {
					case '@' -> hints |= AT;
					case '%' -> {
						if (i + 2 < length && text.charAt(i + 1) == '4' && text.charAt(i + 2) == '0') {
							hints |= AT;
						}
					}
					case '=' -> hints |= SEPARATOR;
					case ':' -> {
						hints |= SEPARATOR;
						if (hexSinceColon && i - lastColon <= 5) {
							hints |= IPV6;
						}
						lastColon = i;
						hexSinceColon = true;
					}
					case '/' -> {
						if (previous == '/') {
							hints |= DOUBLE_SLASH;
						}
					}
					case '-' -> {
						if (isDigit(previous)) {
							hints |= SSN;
						}
						if (i + 10 <= length && startsWith(text, i, "-----BEGIN")) {
							hints |= PEM;
						}
					}
					case 'e' -> {
						if (i + 3 <= length && text.charAt(i + 1) == 'y' && text.charAt(i + 2) == 'J') {
							hints |= JWT;
						}
					}
					case 'b', 'B' -> {
						if (startsWithIgnoreCase(text, i, "bearer") || startsWithIgnoreCase(text, i, "basic")) {
							hints |= AUTH_SCHEME;
						}
					}
					default -> {
					}
				}
			}
			if (upperRun >= 20) {
				hints |= UPPER_RUN;
			}
			if (c != ':' && !isHex(c)) {
				hexSinceColon = false;
			}
			third = beforePrevious;
			beforePrevious = previous;
			previous = c;
		}
		return hints;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isUpper(char c) {
		return c >= 'A' && c <= 'Z';
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static boolean startsWith(CharSequence text, int offset, String prefix) {
		if (offset + prefix.length() > text.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (text.charAt(offset + i) != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWithIgnoreCase(CharSequence text, int offset, String lowerCasePrefix) {
		if (offset + lowerCasePrefix.length() > text.length()) {
			return false;
		}
		for (int i = 0; i < lowerCasePrefix.length(); i++) {
			if (Character.toLowerCase(text.charAt(offset + i)) != lowerCasePrefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
