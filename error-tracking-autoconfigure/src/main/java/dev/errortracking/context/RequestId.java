package dev.errortracking.context;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.ServletRequest;

import org.springframework.lang.Nullable;

/**
 * The correlation id of the current request: read it from the request, or check and create one.
 */
public final class RequestId {

	/** The request attribute that holds the id. */
	public static final String ATTRIBUTE = RequestId.class.getName();

	/** The default header that carries the id in and out. */
	public static final String DEFAULT_HEADER = "X-Request-Id";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

	private RequestId() {
	}

	/** The id of {@code request}, or {@code null} if none was assigned. */
	@Nullable
	public static String of(ServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof String id) ? id : null;
	}

	/** The id of {@code request}, assigning a fresh one if none was. */
	public static String getOrCreate(ServletRequest request) {
		String id = of(request);
		if (id == null) {
			id = generate();
			request.setAttribute(ATTRIBUTE, id);
		}
		return id;
	}

	/** Whether {@code candidate} is an acceptable id: 1 to 128 letters, digits, {@code . _ : -}. */
	public static boolean isValid(@Nullable String candidate) {
		return candidate != null && VALID.matcher(candidate).matches();
	}

	/**
	 * A fresh random id in the form of a version 4 UUID. It correlates, it does not protect anything, so it comes from
	 * {@link ThreadLocalRandom}: {@link UUID#randomUUID()} shares one {@code SecureRandom} between all request threads,
	 * which they queue for under load.
	 */
	public static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(high, low).toString();
	}

}
