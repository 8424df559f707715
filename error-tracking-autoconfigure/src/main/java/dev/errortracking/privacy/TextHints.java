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

	private static final String[] AUTH_SCHEMES = { "earer", "EARER", "asic", "ASIC" };

	private TextHints() {
	}

	static int of(String text) {
		int hints = literalHints(text);
		int length = text.length();
		int digitRun = 0;
		int dottedDigits = 0;
		int upperRun = 0;
		int lastColon = -10;
		boolean hexSinceColon = false;
		char previous = 0;
		char beforePrevious = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				if (++digitRun >= 13) {
					hints |= CARD_DIGITS;
				}
				if (previous == '.' && beforePrevious >= '0' && beforePrevious <= '9' && ++dottedDigits >= 3) {
					hints |= IPV4;
				}
				if (previous >= '0' && previous <= '9' && i >= 3 && isUpper(beforePrevious) && isUpper(text.charAt(i - 3))) {
					hints |= IBAN;
				}
				if (++upperRun >= 20) {
					hints |= UPPER_RUN;
				}
			}
			else if (c >= 'A' && c <= 'Z') {
				digitRun = 0;
				if (++upperRun >= 20) {
					hints |= UPPER_RUN;
				}
				hexSinceColon &= c <= 'F';
			}
			else {
				upperRun = 0;
				if (c == '-' || c == ' ') {
					if (previous >= '0' && previous <= '9') {
						hints |= (c == '-') ? SSN : 0;
					}
					else {
						digitRun = 0;
					}
				}
				else {
					digitRun = 0;
				}
				if (c == ':') {
					if (hexSinceColon && i - lastColon <= 5) {
						hints |= IPV6;
					}
					lastColon = i;
					hexSinceColon = true;
				}
				else if (c < 'a' || c > 'f') {
					hexSinceColon = false;
				}
			}
			beforePrevious = previous;
			previous = c;
		}
		return hints;
	}

	private static int literalHints(String text) {
		int hints = 0;
		if (text.indexOf('@') >= 0 || text.indexOf("%40") >= 0) {
			hints |= AT;
		}
		if (text.indexOf('=') >= 0 || text.indexOf(':') >= 0) {
			hints |= SEPARATOR;
		}
		if (text.indexOf("-----BEGIN") >= 0) {
			hints |= PEM;
		}
		if (text.indexOf("eyJ") >= 0) {
			hints |= JWT;
		}
		if (text.indexOf("//") >= 0) {
			hints |= DOUBLE_SLASH;
		}
		for (String scheme : AUTH_SCHEMES) {
			if (text.indexOf(scheme) >= 0) {
				hints |= AUTH_SCHEME;
				break;
			}
		}
		return hints;
	}

	private static boolean isUpper(char c) {
		return c >= 'A' && c <= 'Z';
	}

}
