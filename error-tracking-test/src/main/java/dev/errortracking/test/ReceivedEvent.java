package dev.errortracking.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event or transaction as the Sentry server received it, decoded from the wire. Absent members read as
 * {@code null} (single values) or empty (collections).
 */
public final class ReceivedEvent {

	private final String type;

	private final String json;

	private final Map<String, Object> content;

	ReceivedEvent(String type, String json) {
		this.type = type;
		this.json = json;
		this.content = Json.parseObject(json);
	}

	/** The envelope item type: {@code event} or {@code transaction}. */
	public String type() {
		return this.type;
	}

	/** The event id: 32 lower-case hex digits, as returned by the SDK's capture methods. */
	public String eventId() {
		return string("event_id");
	}

	/** The level, such as {@code error}. */
	public String level() {
		return string("level");
	}

	/** The name of the logger the event was captured from, when a logging integration captured it. */
	public String logger() {
		return string("logger");
	}

	/** The message: its formatted text, else its template. */
	public String message() {
		Object message = this.content.get("message");
		if (message instanceof Map<?, ?> map) {
			Object formatted = map.get("formatted");
			return (formatted != null) ? formatted.toString() : stringOrNull(map.get("message"));
		}
		return stringOrNull(message);
	}

	/** The tags. */
	public Map<String, String> tags() {
		Map<String, String> tags = new LinkedHashMap<>();
		map("tags").forEach((key, value) -> tags.put(key, stringOrNull(value)));
		return Collections.unmodifiableMap(tags);
	}

	/** The value of tag {@code name}, or {@code null}. */
	public String tag(String name) {
		return tags().get(name);
	}

	/** The fully qualified class names of the exceptions, root cause first as on the wire. */
	public List<String> exceptionTypes() {
		List<String> types = new ArrayList<>();
		for (Map<String, Object> exception : exceptions()) {
			Object module = exception.get("module");
			Object type = exception.get("type");
			types.add((module != null) ? module + "." + type : stringOrNull(type));
		}
		return Collections.unmodifiableList(types);
	}

	/** The exception messages, root cause first as on the wire. */
	public List<String> exceptionValues() {
		List<String> values = new ArrayList<>();
		for (Map<String, Object> exception : exceptions()) {
			values.add(stringOrNull(exception.get("value")));
		}
		return Collections.unmodifiableList(values);
	}

	/** The mechanism types of the exceptions, root cause first as on the wire. */
	public List<String> mechanismTypes() {
		List<String> types = new ArrayList<>();
		for (Map<String, Object> exception : exceptions()) {
			Object mechanism = exception.get("mechanism");
			types.add((mechanism instanceof Map<?, ?> map) ? stringOrNull(map.get("type")) : null);
		}
		return Collections.unmodifiableList(types);
	}

	/** The breadcrumbs, oldest first. */
	public List<Breadcrumb> breadcrumbs() {
		Object breadcrumbs = this.content.get("breadcrumbs");
		Object values = (breadcrumbs instanceof Map<?, ?> map) ? map.get("values") : breadcrumbs;
		List<Breadcrumb> result = new ArrayList<>();
		if (values instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> map) {
					result.add(new Breadcrumb(stringOrNull(map.get("type")), stringOrNull(map.get("category")),
							stringOrNull(map.get("message")), stringOrNull(map.get("level")), asMap(map.get("data"))));
				}
			}
		}
		return Collections.unmodifiableList(result);
	}

	/** The user interface, such as {@code id} and {@code username}. */
	public Map<String, Object> user() {
		return map("user");
	}

	/** The request interface, such as {@code url}, {@code method} and {@code headers}. */
	public Map<String, Object> request() {
		return map("request");
	}

	/** The transaction name, such as {@code GET /api/v1/posts/{id}}. */
	public String transaction() {
		return string("transaction");
	}

	/** The contexts, such as {@code trace} and {@code runtime}. */
	public Map<String, Object> contexts() {
		return map("contexts");
	}

	/** The fingerprint that groups the event into an issue. */
	public List<String> fingerprint() {
		List<String> fingerprint = new ArrayList<>();
		if (this.content.get("fingerprint") instanceof List<?> list) {
			list.forEach((item) -> fingerprint.add(stringOrNull(item)));
		}
		return Collections.unmodifiableList(fingerprint);
	}

	/** The environment. */
	public String environment() {
		return string("environment");
	}

	/** The release. */
	public String release() {
		return string("release");
	}

	/** The top-level member {@code name}: a {@code String}, {@code Long}, {@code Double}, {@code Boolean}, map or list. */
	public Object get(String name) {
		return this.content.get(name);
	}

	/** The payload exactly as received. */
	public String json() {
		return this.json;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.type).append(' ').append(eventId());
		if (transaction() != null) {
			text.append(" transaction='").append(transaction()).append('\'');
		}
		if (!exceptionTypes().isEmpty()) {
			text.append(" exceptions=").append(exceptionTypes());
		}
		if (message() != null) {
			text.append(" message='").append(message()).append('\'');
		}
		if (!tags().isEmpty()) {
			text.append(" tags=").append(tags());
		}
		return text.toString();
	}

	private List<Map<String, Object>> exceptions() {
		Object exception = this.content.get("exception");
		Object values = (exception instanceof Map<?, ?> map) ? map.get("values") : exception;
		List<Map<String, Object>> result = new ArrayList<>();
		if (values instanceof List<?> list) {
			list.forEach((item) -> result.add(asMap(item)));
		}
		return result;
	}

	private String string(String name) {
		return stringOrNull(this.content.get(name));
	}

	private Map<String, Object> map(String name) {
		return asMap(this.content.get(name));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (value instanceof Map) ? (Map<String, Object>) value : Map.of();
	}

	private static String stringOrNull(Object value) {
		return (value != null) ? value.toString() : null;
	}

	/**
	 * A breadcrumb of a received event.
	 *
	 * @param type the type, such as {@code http} or {@code default}
	 * @param category the category, such as a logger name
	 * @param message the message
	 * @param level the level, such as {@code warning}
	 * @param data the data map, empty when there is none
	 */
	public record Breadcrumb(String type, String category, String message, String level, Map<String, Object> data) {

	}

}
