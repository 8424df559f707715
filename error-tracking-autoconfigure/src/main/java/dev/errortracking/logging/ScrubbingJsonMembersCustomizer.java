package dev.errortracking.logging;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;

import dev.errortracking.privacy.PrivacyScrubber;

import org.springframework.boot.json.JsonWriter.MemberPath;
import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.WritableJson;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.util.ObjectUtils;

/**
 * Scrubs the lines of Spring Boot's own structured log formats (ECS, Logstash, GELF), for applications that chose
 * one of them: every value under a sensitive key, and the secrets in every string and in numbers long enough to be a
 * card number. Byte and character arrays, which Spring Boot writes element by element where no rule can read them,
 * are replaced. Registered in {@code META-INF/spring.factories}, since logging starts before any bean exists; it does
 * nothing when the library or its privacy rules are switched off.
 */
public class ScrubbingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

	private static final int MAX_PARENTS = 16;

	private static final long MIN_CARD_NUMBER = 1_000_000_000_000L;

	private final boolean enabled;

	public ScrubbingJsonMembersCustomizer(Environment environment) {
		this.enabled = environment.getProperty("error-tracking.enabled", Boolean.class, true)
				&& environment.getProperty("error-tracking.privacy.enabled", Boolean.class, true);
	}

	@Override
	public void customize(Members<Object> members) {
		if (this.enabled) {
			members.applyingNameProcessor(ScrubbingJsonMembersCustomizer::scrubName);
			members.applyingValueProcessor(ScrubbingJsonMembersCustomizer::scrub);
		}
	}

	/**
	 * Names inside nested objects, such as the keys of a map given as a key/value, may hold data and are scrubbed; the
	 * line's own member names are kept.
	 */
	private static String scrubName(MemberPath path, String name) {
		MemberPath parent = path.parent();
		return (parent == null || parent.parent() == null) ? name : LogScrubber.get().scrubKey(name);
	}

	private static Object scrub(MemberPath path, Object value) {
		if (value == null) {
			return null;
		}
		PrivacyScrubber scrubber = LogScrubber.get();
		if (isUnderSensitiveKey(path, scrubber) || value instanceof byte[] || value instanceof char[]) {
			return scrubber.replacement();
		}
		if (value instanceof CharSequence text) {
			return scrubber.scrubText(text.toString());
		}
		if (value instanceof Number number) {
			Object scrubbed = mayBeCardNumber(number) ? scrubber.scrub(number) : number;
			return (scrubbed instanceof String) ? scrubbed : value;
		}
		if (value instanceof Boolean || isWrittenAsJson(value)) {
			return value;
		}
		return scrubber.scrubText(value.toString());
	}

	/**
	 * Whether Spring Boot's JSON writer writes the value as JSON, whose members come back here one by one; any other
	 * value (a record, a bean) it writes as the string of its {@code toString()}.
	 */
	private static boolean isWrittenAsJson(Object value) {
		return value instanceof Map || (value instanceof Iterable && !(value instanceof Path))
				|| ObjectUtils.isArray(value) || value instanceof WritableJson;
	}

	private static boolean mayBeCardNumber(Number number) {
		if (number instanceof BigInteger || number instanceof BigDecimal) {
			return true;
		}
		long value = number.longValue();
		return value >= MIN_CARD_NUMBER || value <= -MIN_CARD_NUMBER;
	}

	private static boolean isUnderSensitiveKey(MemberPath path, PrivacyScrubber scrubber) {
		MemberPath current = path;
		for (int i = 0; i < MAX_PARENTS && current != null; i++) {
			if (current.name() != null && scrubber.isSensitiveKey(current.name())) {
				return true;
			}
			current = current.parent();
		}
		return false;
	}

}
