package dev.errortracking.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;


/**
 * Applies one {@link PrivacyRules rule set} to text, nested maps and lists, JSON, form bodies, query strings, URLs,
 * headers and cookies. Sensitive keys keep their key and get the replacement; secrets found in values are replaced in
 * place. Never throws: what cannot be scrubbed within the limits is replaced as a whole. Thread-safe.
 */
public final class PrivacyScrubber {

	private static final JsonFactory JSON = new JsonFactory();

	private static final PrivacyScrubber DEFAULTS = new PrivacyScrubber(PrivacyRules.defaults());

	private static final PrivacyScrubber PASS_THROUGH = new PrivacyScrubber(PrivacyRules.none());

	private static final int MIN_CARD_DIGITS = 13;

	private static final int MAX_REMEMBERED_KEYS = 4096;

	private static final int MAX_REMEMBERED_KEY_LENGTH = 128;

	private final PrivacyRules rules;

	private final String replacement;

	private final KeyMatcher keys;

	private final TextScrubber text;

	private final boolean passThrough;

	private final Pseudonyms pseudonyms;

	/** Keys that hold nothing to scrub themselves, with what they say about their values. */
	private final Map<String, KeyKind> cleanKeys = new ConcurrentHashMap<>();

	public PrivacyScrubber(PrivacyRules rules) {
		this.rules = Objects.requireNonNull(rules, "rules");
		this.replacement = rules.replacement();
		this.keys = new KeyMatcher(rules.sensitiveKeys(), rules.sensitiveNames(), rules.safeKeys());
		this.text = new TextScrubber(rules, this.keys);
		this.passThrough = this.keys.isEmpty() && this.text.isEmpty();
		this.pseudonyms = new Pseudonyms(rules.userIdKey());
	}

	/** A scrubber with the default rules. */
	public static PrivacyScrubber defaults() {
		return DEFAULTS;
	}

	/** A scrubber that changes nothing. */
	public static PrivacyScrubber passThrough() {
		return PASS_THROUGH;
	}

	/** The rules this scrubber applies. */
	public PrivacyRules rules() {
		return this.rules;
	}

	/** The text that replaces removed values. */
	public String replacement() {
		return this.replacement;
	}

	/**
	 * A pseudonym for an identifying value such as a username or an email address: 32 hex digits of its keyed hash
	 * (HMAC-SHA256) under the rules' user-id key, the same for the same value and key.
	 */
	public String pseudonym(String value) {
		return this.pseudonyms.of(Objects.requireNonNull(value, "value"));
	}

	/** Whether values under {@code key} are removed whatever they are. */
	public boolean isSensitiveKey(String key) {
		return this.keys.isSensitive(key);
	}

	/** Scrub free text: log and exception messages, breadcrumb messages, header values. */
	public String scrubText(String value) {
		if (value == null || this.passThrough) {
			return value;
		}
		try {
			return this.text.scrub(value);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return this.replacement;
		}
	}

	/**
	 * Scrub a key or a name (of a map entry, JSON member, header or parameter) as text. Keys repeat from event to
	 * event, so the ones that hold nothing to scrub are remembered, up to a bound.
	 */
	public String scrubKey(String key) {
		if (key == null || this.passThrough || this.cleanKeys.containsKey(key)) {
			return key;
		}
		String scrubbed = scrubText(key);
		if (scrubbed.equals(key) && key.length() <= MAX_REMEMBERED_KEY_LENGTH
				&& this.cleanKeys.size() < MAX_REMEMBERED_KEYS) {
			this.cleanKeys.put(key, kindOf(key));
		}
		return scrubbed;
	}

	private KeyKind kindOf(String key) {
		KeyKind remembered = this.cleanKeys.get(key);
		if (remembered != null) {
			return remembered;
		}
		if (this.keys.isSensitive(key)) {
			return KeyKind.SENSITIVE;
		}
		return KeyMatcher.isCookieKey(key) ? KeyKind.COOKIE : KeyKind.ORDINARY;
	}

	/**
	 * Scrub any value: maps (by key and value), collections, arrays, strings (JSON strings as JSON, URLs as URLs),
	 * numbers that could be card numbers; other objects are turned into scrubbed text. Returns new containers.
	 */
	public Object scrub(Object value) {
		if (value == null || this.passThrough) {
			return value;
		}
		try {
			return scrubValue(value, 0, new Walk());
		}
		catch (RuntimeException | StackOverflowError ex) {
			return this.replacement;
		}
	}

	/** Scrub a map by key and value into a new map, keeping the order of its keys. */
	public Map<String, Object> scrubMap(Map<String, ?> map) {
		if (map == null) {
			return null;
		}
		if (this.passThrough) {
			return new LinkedHashMap<>(map);
		}
		try {
			return scrubEntries(map, 0, new Walk());
		}
		catch (RuntimeException | StackOverflowError ex) {
			return new LinkedHashMap<>();
		}
	}

	/** Scrub the value of {@code key}: the replacement for a sensitive key, otherwise the scrubbed value. */
	public Object scrubEntry(String key, Object value) {
		if (value == null || this.passThrough) {
			return value;
		}
		try {
			return scrubEntry(key, value, 0, new Walk());
		}
		catch (RuntimeException | StackOverflowError ex) {
			return this.replacement;
		}
	}

	/** Scrub a JSON document; one that cannot be parsed is replaced as a whole. */
	public String scrubJson(String json) {
		if (json == null || this.passThrough) {
			return json;
		}
		return scrubJson(json, 0, new Walk(), false);
	}

	/** Scrub a query string or form body ({@code a=1&b=2}), decoding names and values before the rules apply. */
	public String scrubQueryString(String query) {
		if (query == null || query.isEmpty() || this.passThrough) {
			return query;
		}
		try {
			return scrubPairs(query, 0, new Walk());
		}
		catch (RuntimeException | StackOverflowError ex) {
			return this.replacement;
		}
	}

	/** Scrub a URL: credentials and secrets in its path, and its query and fragment as pairs. */
	public String scrubUrl(String url) {
		if (url == null || url.isEmpty() || this.passThrough) {
			return url;
		}
		try {
			return scrubUrl(url, 0, new Walk());
		}
		catch (RuntimeException | StackOverflowError ex) {
			return this.replacement;
		}
	}

	/** Scrub a {@code Cookie} or {@code Set-Cookie} header value, cookie by cookie. */
	public String scrubCookies(String cookies) {
		if (cookies == null || cookies.isEmpty() || this.passThrough) {
			return cookies;
		}
		try {
			return scrubCookieList(cookies);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return this.replacement;
		}
	}

	/** Scrub the value of one header. */
	public String scrubHeader(String name, String value) {
		if (value == null || this.passThrough) {
			return value;
		}
		try {
			return scrubHeaderValue(name, value);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return this.replacement;
		}
	}

	/** Scrub headers into a new map, keeping the order of their names. */
	public Map<String, String> scrubHeaders(Map<String, String> headers) {
		if (headers == null) {
			return null;
		}
		Map<String, String> result = new LinkedHashMap<>();
		headers.forEach((name, value) -> result.put(name, scrubHeader(name, value)));
		return result;
	}

	/**
	 * Scrub a request or response body of the given content type: JSON as JSON, forms as pairs, text as text. A body
	 * that cannot be scrubbed safely (malformed JSON, undecodable characters, binary or multipart content, over the
	 * length limit) is replaced as a whole.
	 */
	public String scrubBody(String body, String contentType) {
		if (body == null || body.isEmpty() || this.passThrough) {
			return body;
		}
		try {
			return scrubBodyText(body, (contentType != null) ? contentType.toLowerCase(Locale.ROOT) : "");
		}
		catch (RuntimeException | StackOverflowError ex) {
			return this.replacement;
		}
	}

	/** Scrub a body given as bytes; bytes that are not valid in {@code charset} make it be replaced as a whole. */
	public String scrubBody(byte[] body, Charset charset, String contentType) {
		if (body == null) {
			return null;
		}
		String decoded;
		try {
			decoded = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException | RuntimeException ex) {
			return this.passThrough ? new String(body, charset) : this.replacement;
		}
		return scrubBody(decoded, contentType);
	}

	private String scrubBodyText(String body, String contentType) {
		if (body.length() > this.rules.maxStringLength() || body.indexOf('\uFFFD') >= 0 || hasLoneSurrogate(body)) {
			return this.replacement;
		}
		if (contentType.contains("json")) {
			return scrubJson(body, 0, new Walk(), false);
		}
		if (contentType.contains("x-www-form-urlencoded")) {
			return scrubPairs(body, 0, new Walk());
		}
		if (contentType.startsWith("multipart/") || contentType.startsWith("application/octet-stream")
				|| contentType.startsWith("image/") || contentType.startsWith("audio/")
				|| contentType.startsWith("video/")) {
			return this.replacement;
		}
		if (contentType.isEmpty() && looksLikeJson(body)) {
			return scrubJson(body, 0, new Walk(), false);
		}
		return this.text.scrub(body);
	}

	private Object scrubValue(Object value, int depth, Walk walk) {
		if (value == null) {
			return null;
		}
		if (!walk.visit(this.rules.maxItems())) {
			return this.replacement;
		}
		if (value instanceof String string) {
			return scrubString(string, depth, walk);
		}
		if (value instanceof CharSequence sequence) {
			return scrubString(sequence.toString(), depth, walk);
		}
		if (value instanceof Number number) {
			return scrubNumber(number);
		}
		if (value instanceof Boolean || value instanceof Character || value instanceof Enum<?>
				|| value instanceof UUID || value instanceof Date || value instanceof TemporalAccessor) {
			return value;
		}
		if (value instanceof char[] || value instanceof byte[]) {
			return this.replacement;
		}
		boolean container = value instanceof Map<?, ?> || value instanceof Collection<?> || value.getClass().isArray();
		if (!container) {
			return this.text.scrub(String.valueOf(value));
		}
		if (depth >= this.rules.maxDepth() || !walk.enter(value)) {
			return this.replacement;
		}
		try {
			if (value instanceof Map<?, ?> map) {
				return scrubEntries(map, depth, walk);
			}
			List<Object> result = new ArrayList<>();
			if (value instanceof Collection<?> collection) {
				for (Object element : collection) {
					if (walk.exhausted(this.rules.maxItems())) {
						break;
					}
					result.add(scrubSafely(element, depth + 1, walk));
				}
			}
			else {
				int length = Array.getLength(value);
				for (int i = 0; i < length && !walk.exhausted(this.rules.maxItems()); i++) {
					result.add(scrubSafely(Array.get(value, i), depth + 1, walk));
				}
			}
			return result;
		}
		finally {
			walk.leave(value);
		}
	}

	private Map<String, Object> scrubEntries(Map<?, ?> map, int depth, Walk walk) {
		Map<String, Object> result = new LinkedHashMap<>();
		Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
		while (entries.hasNext() && !walk.exhausted(this.rules.maxItems())) {
			Map.Entry<?, ?> entry = entries.next();
			String key = String.valueOf(entry.getKey());
			Object value;
			try {
				value = scrubEntry(key, entry.getValue(), depth + 1, walk);
			}
			catch (RuntimeException ex) {
				value = this.replacement;
			}
			result.put(scrubKey(key), value);
		}
		return result;
	}

	private Object scrubSafely(Object value, int depth, Walk walk) {
		try {
			return scrubValue(value, depth, walk);
		}
		catch (RuntimeException ex) {
			return this.replacement;
		}
	}

	private Object scrubEntry(String key, Object value, int depth, Walk walk) {
		if (value == null) {
			return null;
		}
		KeyKind kind = kindOf(key);
		if (kind == KeyKind.SENSITIVE) {
			return this.replacement;
		}
		if (value instanceof String string) {
			if (kind == KeyKind.COOKIE) {
				return scrubCookieList(string);
			}
			if (isUrl(string)) {
				return scrubUrl(string, depth, walk);
			}
		}
		return scrubValue(value, depth, walk);
	}

	private String scrubString(String value, int depth, Walk walk) {
		if (looksLikeJson(value)) {
			return scrubJson(value, depth, walk, true);
		}
		if (isUrl(value)) {
			return scrubUrl(value, depth, walk);
		}
		return this.text.scrub(value);
	}

	private Object scrubNumber(Number number) {
		boolean integral = number instanceof Long || number instanceof Integer || number instanceof BigInteger
				|| number instanceof BigDecimal;
		if (!integral) {
			return number;
		}
		String digits = number.toString();
		if (digits.length() < MIN_CARD_DIGITS) {
			return number;
		}
		return this.text.scrub(digits).equals(digits) ? number : this.replacement;
	}

	private String scrubJson(String json, int depth, Walk walk, boolean lenient) {
		if (json.length() > this.rules.maxStringLength()) {
			return this.replacement;
		}
		JsonEdits edits = new JsonEdits(json);
		try (JsonParser parser = JSON.createParser(json)) {
			if (parser.nextToken() == null) {
				return this.replacement;
			}
			scrubJsonValue(parser, edits, depth, walk);
			if (parser.nextToken() != null) {
				return fallback(json, lenient);
			}
		}
		catch (IOException | RuntimeException ex) {
			return fallback(json, lenient);
		}
		return edits.apply();
	}

	private String fallback(String json, boolean lenient) {
		return (lenient && !json.contains("\\u")) ? this.text.scrub(json) : this.replacement;
	}

	/** Scrub the current JSON value in place, without building a tree: only what changes is written anew. */
	private void scrubJsonValue(JsonParser parser, JsonEdits edits, int depth, Walk walk) throws IOException {
		JsonToken token = parser.currentToken();
		if (!walk.visit(this.rules.maxItems()) || (token.isStructStart() && depth >= this.rules.maxDepth())) {
			edits.replaceValue(parser, this.replacement);
			return;
		}
		switch (token) {
			case START_OBJECT -> {
				while (parser.nextToken() == JsonToken.FIELD_NAME) {
					String key = parser.currentName();
					KeyKind kind = this.cleanKeys.get(key);
					if (kind == null) {
						String scrubbedKey = scrubKey(key);
						if (!scrubbedKey.equals(key)) {
							edits.replaceString(JsonEdits.start(parser), scrubbedKey);
						}
						kind = kindOf(key);
					}
					JsonToken value = parser.nextToken();
					if (value == JsonToken.VALUE_NULL) {
						continue;
					}
					if (kind == KeyKind.SENSITIVE) {
						edits.replaceValue(parser, this.replacement);
					}
					else if (value == JsonToken.VALUE_STRING && kind == KeyKind.COOKIE) {
						replaceIfChanged(parser, edits, scrubCookieList(parser.getText()));
					}
					else {
						scrubJsonValue(parser, edits, depth + 1, walk);
					}
				}
			}
			case START_ARRAY -> {
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					scrubJsonValue(parser, edits, depth + 1, walk);
				}
			}
			case VALUE_STRING -> replaceIfChanged(parser, edits, scrubString(parser.getText(), depth + 1, walk));
			case VALUE_NUMBER_INT -> {
				if (parser.getTextLength() >= MIN_CARD_DIGITS) {
					String digits = parser.getText();
					if (!this.text.scrub(digits).equals(digits)) {
						edits.replaceValue(parser, this.replacement);
					}
				}
			}
			default -> {
			}
		}
	}

	private static void replaceIfChanged(JsonParser parser, JsonEdits edits, String scrubbed) throws IOException {
		if (!scrubbed.equals(parser.getText())) {
			edits.replaceString(JsonEdits.start(parser), scrubbed);
		}
	}

	private String scrubUrl(String url, int depth, Walk walk) {
		if (url.length() > this.rules.maxStringLength()) {
			return this.text.scrub(url);
		}
		int hash = url.indexOf('#');
		String fragment = (hash >= 0) ? url.substring(hash + 1) : null;
		String beforeFragment = (hash >= 0) ? url.substring(0, hash) : url;
		int question = beforeFragment.indexOf('?');
		String query = (question >= 0) ? beforeFragment.substring(question + 1) : null;
		String base = (question >= 0) ? beforeFragment.substring(0, question) : beforeFragment;
		StringBuilder result = new StringBuilder(url.length() + 16).append(this.text.scrub(base));
		if (query != null) {
			result.append('?').append(scrubPairs(query, depth, walk));
		}
		if (fragment != null) {
			result.append('#')
				.append((fragment.indexOf('=') >= 0) ? scrubPairs(fragment, depth, walk) : this.text.scrub(fragment));
		}
		return result.toString();
	}

	private String scrubPairs(String pairs, int depth, Walk walk) {
		if (pairs.length() > this.rules.maxStringLength()) {
			return this.replacement;
		}
		StringBuilder result = new StringBuilder(pairs.length() + 16);
		int start = 0;
		while (start <= pairs.length()) {
			int end = pairs.indexOf('&', start);
			if (end < 0) {
				end = pairs.length();
			}
			if (start > 0) {
				result.append('&');
			}
			appendPair(result, pairs.substring(start, end), depth, walk);
			start = end + 1;
		}
		return result.toString();
	}

	private void appendPair(StringBuilder result, String pair, int depth, Walk walk) {
		int equals = pair.indexOf('=');
		String rawName = (equals >= 0) ? pair.substring(0, equals) : pair;
		String name = decode(rawName);
		String scrubbedName = scrubKey(name);
		result.append(scrubbedName.equals(name) ? rawName : encode(scrubbedName));
		if (equals < 0) {
			return;
		}
		result.append('=');
		String rawValue = pair.substring(equals + 1);
		if (rawValue.isEmpty()) {
			return;
		}
		if (this.keys.isSensitive(name)) {
			result.append(this.replacement);
			return;
		}
		String value = decode(rawValue);
		String scrubbed = KeyMatcher.isCookieKey(name) ? scrubCookieList(value) : scrubString(value, depth, walk);
		result.append(scrubbed.equals(value) ? rawValue : encode(scrubbed));
	}

	private String scrubCookieList(String cookies) {
		StringBuilder result = new StringBuilder(cookies.length() + 16);
		int start = 0;
		int length = cookies.length();
		while (start < length) {
			int end = start;
			while (end < length && cookies.charAt(end) != ';' && cookies.charAt(end) != ',') {
				end++;
			}
			String cookie = cookies.substring(start, end);
			int equals = cookie.indexOf('=');
			if (equals < 0) {
				result.append(this.text.scrub(cookie));
			}
			else {
				String name = cookie.substring(0, equals);
				String value = cookie.substring(equals + 1);
				result.append(name).append('=');
				result.append(this.keys.isSensitive(name.trim()) ? this.replacement : this.text.scrub(value));
			}
			if (end < length) {
				result.append(cookies.charAt(end));
			}
			start = end + 1;
		}
		return result.toString();
	}

	private String scrubHeaderValue(String name, String value) {
		if (this.keys.isSensitive(name)) {
			return this.replacement;
		}
		if (KeyMatcher.isCookieKey(name)) {
			return scrubCookieList(value);
		}
		if (isUrl(value)) {
			return scrubUrl(value, 0, new Walk());
		}
		return this.text.scrub(value);
	}

	private static boolean looksLikeJson(String value) {
		if (value.length() < 2) {
			return false;
		}
		char start = value.charAt(0);
		if (start != '{' && start != '[' && !Character.isWhitespace(start)) {
			return false;
		}
		int first = 0;
		int last = value.length() - 1;
		while (first < last && Character.isWhitespace(value.charAt(first))) {
			first++;
		}
		while (last > first && Character.isWhitespace(value.charAt(last))) {
			last--;
		}
		if (last <= first) {
			return false;
		}
		char open = value.charAt(first);
		char close = value.charAt(last);
		return (open == '{' && close == '}') || (open == '[' && close == ']');
	}

	private static boolean isUrl(String value) {
		return value.length() > 8 && (value.regionMatches(true, 0, "http://", 0, 7)
				|| value.regionMatches(true, 0, "https://", 0, 8));
	}

	private static boolean hasLoneSurrogate(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
					return true;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	private static String decode(String value) {
		if (value.indexOf('%') < 0 && value.indexOf('+') < 0) {
			return value;
		}
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	private static String encode(String value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() + 16);
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		for (byte b : bytes) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.' || c == '~' || c == '[' || c == ']' || c == '*') {
				out.write(c);
			}
			else if (c == ' ') {
				out.write('+');
			}
			else {
				out.write('%');
				out.write(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)));
				out.write(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return out.toString(StandardCharsets.US_ASCII);
	}

	/** What a key says about its value. */
	private enum KeyKind {

		ORDINARY, SENSITIVE, COOKIE

	}

	/** The state of one walk through a structure: values visited and containers on the current path. */
	private static final class Walk {

		private int items;

		private Map<Object, Boolean> path;

		boolean visit(int maxItems) {
			return ++this.items <= maxItems;
		}

		boolean exhausted(int maxItems) {
			return this.items >= maxItems;
		}

		boolean enter(Object container) {
			if (this.path == null) {
				this.path = new IdentityHashMap<>();
			}
			return this.path.put(container, Boolean.TRUE) == null;
		}

		void leave(Object container) {
			this.path.remove(container);
		}

	}

}
