package dev.errortracking.privacy;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Tells sensitive keys: case-insensitive, ignoring {@code -}, {@code _}, {@code .} and spaces, by substring or whole name.
 */
final class KeyMatcher {

	private static final int MAX_CACHED_KEYS = 4096;

	private static final int MAX_KEY_LENGTH = 256;

	private final String[] substrings;

	private final Set<String> wholeNames;

	private final Set<String> safeNames;

	private final ConcurrentHashMap<String, Boolean> cache = new ConcurrentHashMap<>();

	KeyMatcher(Collection<String> substrings, Collection<String> wholeNames, Collection<String> safeNames) {
		this.substrings = substrings.stream()
			.map(KeyMatcher::normalize)
			.filter((key) -> !key.isEmpty())
			.distinct()
			.toArray(String[]::new);
		this.wholeNames = normalizeAll(wholeNames);
		this.safeNames = normalizeAll(safeNames);
	}

	boolean isEmpty() {
		return this.substrings.length == 0 && this.wholeNames.isEmpty();
	}

	boolean isSensitive(String key) {
		if (key == null || key.isEmpty() || isEmpty()) {
			return false;
		}
		Boolean cached = this.cache.get(key);
		if (cached != null) {
			return cached;
		}
		boolean sensitive = compute(key);
		if (this.cache.size() < MAX_CACHED_KEYS && key.length() <= MAX_KEY_LENGTH) {
			this.cache.put(key, sensitive);
		}
		return sensitive;
	}

	private boolean compute(String key) {
		String normalized = normalize(key);
		if (this.safeNames.contains(normalized)) {
			return false;
		}
		if (this.wholeNames.contains(normalized)) {
			return true;
		}
		for (String substring : this.substrings) {
			if (normalized.contains(substring)) {
				return true;
			}
		}
		return false;
	}

	static boolean isCookieKey(String key) {
		if (key == null || key.length() < 6 || key.length() > 10) {
			return false;
		}
		return key.equalsIgnoreCase("cookie") || key.equalsIgnoreCase("cookies") || key.equalsIgnoreCase("set-cookie")
				|| key.equalsIgnoreCase("set_cookie") || key.equalsIgnoreCase("setcookie");
	}

	static String normalize(CharSequence key) {
		StringBuilder normalized = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c != '-' && c != '_' && c != '.' && c != ' ') {
				normalized.append(Character.toLowerCase(c));
			}
		}
		return normalized.toString().toLowerCase(Locale.ROOT);
	}

	private static Set<String> normalizeAll(Collection<String> keys) {
		return keys.stream().map(KeyMatcher::normalize).filter((key) -> !key.isEmpty()).collect(Collectors.toUnmodifiableSet());
	}

}
