package dev.errortracking.privacy;

/**
 * Finds values written after a sensitive key inside free text, such as {@code password=...}, {@code "token": "..."},
 * {@code Authorization: Bearer ...} or PostgreSQL's {@code Key (secret)=(...)}, and replaces them.
 */
final class KeyValueText {

	private static final int MAX_KEY_LENGTH = 128;

	private static final int MAX_VALUE_LENGTH = 8192;

	private static final String[] AUTH_SCHEMES = { "bearer", "basic", "digest", "negotiate", "token" };

	private KeyValueText() {
	}

	static String scrub(String text, KeyMatcher keys, String replacement) {
		StringBuilder result = null;
		int copied = 0;
		int length = text.length();
		int nextEquals = text.indexOf('=');
		int nextColon = text.indexOf(':');
		int i = 0;
		while (i < length) {
			if (nextEquals >= 0 && nextEquals < i) {
				nextEquals = text.indexOf('=', i);
			}
			if (nextColon >= 0 && nextColon < i) {
				nextColon = text.indexOf(':', i);
			}
			if (nextEquals < 0 && nextColon < 0) {
				break;
			}
			i = (nextEquals < 0) ? nextColon : (nextColon < 0) ? nextEquals : Math.min(nextEquals, nextColon);
			char c = text.charAt(i);
			if (isNotSeparator(text, i)) {
				i++;
				continue;
			}
			int[] key = keyBefore(text, i, copied);
			if (key == null || !isCandidateKey(text, key, c) || !keys.isSensitive(text.substring(key[0], key[1]))) {
				i++;
				continue;
			}
			int[] value = valueAfter(text, i + 1);
			if (value == null || isReplacement(text, value, replacement)) {
				i++;
				continue;
			}
			if (result == null) {
				result = new StringBuilder(length + 16);
			}
			result.append(text, copied, value[0]).append(replacement);
			copied = value[1];
			i = Math.max(value[1], i + 1);
		}
		return (result != null) ? result.append(text, copied, length).toString() : text;
	}

	private static boolean isNotSeparator(String text, int i) {
		if (i + 1 >= text.length()) {
			return true;
		}
		char next = text.charAt(i + 1);
		char previous = (i > 0) ? text.charAt(i - 1) : ' ';
		if (text.charAt(i) == ':') {
			return next == '/' || next == ':' || previous == ':';
		}
		return next == '=' || previous == '=' || previous == '!' || previous == '<' || previous == '>';
	}

	private static boolean isCandidateKey(String text, int[] key, char separator) {
		if (separator != ':') {
			return true;
		}
		for (int i = key[0]; i < key[1]; i++) {
			if (text.charAt(i) == '.') {
				return false;
			}
		}
		return !endsWithIgnoreCase(text, key[1], "exception") && !endsWithIgnoreCase(text, key[1], "error");
	}

	private static boolean isReplacement(String text, int[] value, String replacement) {
		int length = value[1] - value[0];
		return (length == replacement.length() && text.startsWith(replacement, value[0]))
				|| (length == 4 && text.startsWith("null", value[0]));
	}

	private static int[] keyBefore(String text, int separator, int floor) {
		int end = separator - 1;
		while (end >= floor && end > separator - 4 && text.charAt(end) == ' ') {
			end--;
		}
		if (end < floor) {
			return null;
		}
		char last = text.charAt(end);
		if (last == '"' || last == '\'' || last == ')') {
			char open = (last == ')') ? '(' : last;
			int start = end - 1;
			while (start >= floor && end - start <= MAX_KEY_LENGTH && text.charAt(start) != open) {
				start--;
			}
			if (start < floor || text.charAt(start) != open) {
				return null;
			}
			int keyEnd = end;
			while (keyEnd > start + 1 && text.charAt(keyEnd - 1) == '\\') {
				keyEnd--;
			}
			return (keyEnd > start + 1) ? new int[] { start + 1, keyEnd } : null;
		}
		int start = end;
		while (start >= floor && end - start < MAX_KEY_LENGTH && isKeyChar(text.charAt(start))) {
			start--;
		}
		return (start < end) ? new int[] { start + 1, end + 1 } : null;
	}

	private static int[] valueAfter(String text, int from) {
		int length = text.length();
		int start = from;
		while (start < length && start < from + 3 && text.charAt(start) == ' ') {
			start++;
		}
		if (start >= length) {
			return null;
		}
		char first = text.charAt(start);
		int limit = Math.min(length, start + MAX_VALUE_LENGTH);
		if (first == '"' || first == '\'' || first == '(') {
			char close = (first == '(') ? ')' : first;
			int end = indexOf(text, close, start + 1, limit);
			return new int[] { start + 1, (end >= 0) ? end : limit };
		}
		if (first == '\\' && start + 1 < length && text.charAt(start + 1) == '"') {
			int end = text.indexOf("\\\"", start + 2);
			return new int[] { start + 2, (end >= 0 && end < limit) ? end : limit };
		}
		if (first == '{' || first == '[') {
			return new int[] { start, balancedEnd(text, start, limit) };
		}
		if (first == '=' || first == ':') {
			return null;
		}
		int end = tokenEnd(text, start, limit);
		if (end < length && text.charAt(end) == ' ' && isAuthScheme(text, start, end)) {
			int next = end + 1;
			end = (next < length && !isValueTerminator(text.charAt(next))) ? tokenEnd(text, next, limit) : end;
		}
		return (end > start) ? new int[] { start, end } : null;
	}

	private static int tokenEnd(String text, int start, int limit) {
		int end = start;
		while (end < limit && !isValueTerminator(text.charAt(end))) {
			end++;
		}
		return end;
	}

	private static int balancedEnd(String text, int start, int limit) {
		int depth = 0;
		for (int i = start; i < limit; i++) {
			char c = text.charAt(i);
			if (c == '{' || c == '[') {
				depth++;
			}
			else if ((c == '}' || c == ']') && --depth == 0) {
				return i + 1;
			}
		}
		return limit;
	}

	private static int indexOf(String text, char c, int from, int limit) {
		int index = text.indexOf(c, from);
		return (index >= 0 && index < limit) ? index : -1;
	}

	private static boolean isAuthScheme(String text, int start, int end) {
		for (String scheme : AUTH_SCHEMES) {
			if (end - start == scheme.length() && text.regionMatches(true, start, scheme, 0, scheme.length())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isKeyChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '[' || c == ']';
	}

	private static boolean isValueTerminator(char c) {
		return Character.isWhitespace(c) || c == '&' || c == ';' || c == ',' || c == ')' || c == ']' || c == '}'
				|| c == '"' || c == '\'' || c == '<' || c == '>';
	}

	private static boolean endsWithIgnoreCase(String text, int end, String suffix) {
		int start = end - suffix.length();
		return start >= 0 && text.regionMatches(true, start, suffix, 0, suffix.length());
	}

}
