package dev.errortracking.context;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.lang.Nullable;

/**
 * Reads the trace id of a W3C {@code traceparent} header, ignoring anything malformed.
 */
final class TraceParentHeader {

	static final String NAME = "traceparent";

	private static final int MAX_LENGTH = 256;

	private static final Pattern VALID = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

	private static final String ZERO_TRACE_ID = "0".repeat(32);

	private static final String ZERO_PARENT_ID = "0".repeat(16);

	private TraceParentHeader() {
	}

	@Nullable
	static String traceId(HttpServletRequest request) {
		String header = request.getHeader(NAME);
		if (header == null || header.length() > MAX_LENGTH) {
			return null;
		}
		String value = header.strip();
		if (value.length() > 55 && value.charAt(55) == '-' && !"00".equals(value.substring(0, 2))) {
			value = value.substring(0, 55);
		}
		Matcher matcher = VALID.matcher(value);
		if (!matcher.matches() || "ff".equals(matcher.group(1)) || ZERO_TRACE_ID.equals(matcher.group(2))
				|| ZERO_PARENT_ID.equals(matcher.group(3))) {
			return null;
		}
		return matcher.group(2);
	}

}
