package dev.errortracking.privacy;

/**
 * Finds the places where a match of a rule could start, so that its pattern is only tried there, on a window that
 * holds its longest possible match, instead of at every position of the text.
 */
final class Anchors {

	private Anchors() {
	}

	/** Candidates starting at every occurrence of any of {@code literals}, plus {@code offset}. */
	static Finder literals(int offset, String... literals) {
		return (text) -> {
			int[] next = new int[literals.length];
			java.util.Arrays.fill(next, -2);
			int[] last = { -1 };
			return () -> {
				int best = -1;
				for (int i = 0; i < literals.length; i++) {
					if (next[i] != -1 && next[i] <= last[0]) {
						next[i] = text.indexOf(literals[i], last[0] + 1);
					}
					if (next[i] >= 0 && (best < 0 || next[i] < best)) {
						best = next[i];
					}
				}
				last[0] = best;
				return (best >= 0) ? best + offset : -1;
			};
		};
	}

	/** Candidates starting at every position that {@code test} accepts. */
	static Finder positions(Position test) {
		return (text) -> {
			int[] last = { -1 };
			return () -> {
				int length = text.length();
				for (int i = last[0] + 1; i < length; i++) {
					if (test.accepts(text, i)) {
						last[0] = i;
						return i;
					}
				}
				last[0] = length;
				return -1;
			};
		};
	}

	/** Candidates starting where a run of {@code member} characters of at most {@code max} ends before each literal. */
	static Finder runsBefore(Position member, int max, String... literals) {
		return (text) -> {
			Scan literal = literals(0, literals).scan(text);
			int[] previous = { -1 };
			return () -> {
				for (int at = literal.next(); at >= 0; at = literal.next()) {
					int start = at;
					while (start > 0 && at - start < max && member.accepts(text, start - 1)) {
						start--;
					}
					if (start > previous[0]) {
						previous[0] = start;
						return start;
					}
				}
				return -1;
			};
		};
	}

	static boolean isEmailLocalPart(String text, int i) {
		char c = text.charAt(i);
		return Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.' || c == '%' || c == '+' || c == '-';
	}

	static boolean isIpStart(String text, int i) {
		return isIpv4Start(text, i) || isIpv6Start(text, i);
	}

	private static boolean isIpv6Start(String text, int i) {
		char c = text.charAt(i);
		if (c != ':' && Character.digit(c, 16) < 0) {
			return false;
		}
		if (i > 0) {
			char previous = text.charAt(i - 1);
			if (previous == ':' || previous == '.' || previous == '_' || Character.isLetterOrDigit(previous)) {
				return false;
			}
		}
		int end = Math.min(text.length(), i + 5);
		for (int j = i; j < end; j++) {
			char d = text.charAt(j);
			if (d == ':') {
				return isIpv6Colon(text, j);
			}
			if (Character.digit(d, 16) < 0) {
				return false;
			}
		}
		return false;
	}

	static boolean isDigitRunStart(String text, int i) {
		return isDigit(text.charAt(i)) && (i == 0 || !isDigit(text.charAt(i - 1)));
	}

	static boolean isIpv4Start(String text, int i) {
		if (!isDigitRunStart(text, i)) {
			return false;
		}
		int end = Math.min(text.length() - 1, i + 4);
		for (int j = i + 1; j < end; j++) {
			char c = text.charAt(j);
			if (c == '.') {
				return isDigit(text.charAt(j + 1));
			}
			if (!isDigit(c)) {
				return false;
			}
		}
		return false;
	}

	static boolean isIpv6Colon(String text, int i) {
		if (text.charAt(i) != ':') {
			return false;
		}
		int end = Math.min(text.length(), i + 6);
		for (int j = i + 1; j < end; j++) {
			char c = text.charAt(j);
			if (c == ':') {
				return true;
			}
			if (Character.digit(c, 16) < 0) {
				return false;
			}
		}
		return false;
	}

	static boolean isIbanStart(String text, int i) {
		return i + 3 < text.length() && isUpper(text.charAt(i)) && isUpper(text.charAt(i + 1))
				&& isDigit(text.charAt(i + 2)) && isDigit(text.charAt(i + 3));
	}

	static boolean isAuthScheme(String text, int i) {
		char c = text.charAt(i);
		return (c == 'b' || c == 'B')
				&& (text.regionMatches(true, i, "bearer", 0, 6) || text.regionMatches(true, i, "basic", 0, 5));
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isUpper(char c) {
		return c >= 'A' && c <= 'Z';
	}

	/** Creates a scan over one text. */
	@FunctionalInterface
	interface Finder {

		Scan scan(String text);

	}

	/** The candidate starts in one text, in increasing order. */
	@FunctionalInterface
	interface Scan {

		/** The next candidate start, or -1 when there is none. */
		int next();

	}

	/** Whether a position of a text is an anchor. */
	@FunctionalInterface
	interface Position {

		boolean accepts(String text, int index);

	}

}
