package dev.errortracking.privacy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Tells, eight characters at a time, texts that no built-in rule can match: ids, hex digests, UUIDs, slugs and
 * paths made only of lower-case letters, digits and {@code - _ / { | } ~ `}, with no run of eleven digits,
 * dashes or slashes (the shortest run in which a card number or a social security number fits). Every other rule
 * needs a character outside that set: an upper-case letter, white space, {@code @ % . : =}.
 */
final class PlainTokens {

	/** Longer texts are rarely plain tokens; they are left to the hint pass rather than copied. */
	static final int MAX_LENGTH = 512;

	private static final int MIN_SECRET_RUN = 11;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;

	/** Where the last, partial group of eight is padded with a character of the set that is not part of a run. */
	private static final byte PADDING = 'a';

	private PlainTokens() {
	}

	static boolean isPlainToken(String text) {
		int length = text.length();
		if (length > MAX_LENGTH || (length > 0 && !isPlain(text.charAt(0)))) {
			return false;
		}
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		int runs = 0;
		int history = 0;
		for (int i = 0; i < length; i += 8) {
			long word = (i + 8 <= length) ? (long) LONGS.get(bytes, i) : padded(bytes, i);
			long runCharacters = inRange(word, '/', '9') | equal(word, '-');
			if ((~(runCharacters | inRange(word, '_', '~')) & HIGH_BITS) != 0) {
				return false;
			}
			history = (history >>> 8) | (lanes(runCharacters) << 24);
			runs |= runStarts(history);
		}
		return runs == 0;
	}

	private static boolean isPlain(char c) {
		return (c >= '/' && c <= '9') || c == '-' || (c >= '_' && c <= '~');
	}

	/** The bytes from {@code offset} to the end, fewer than eight, and padding after them. */
	private static long padded(byte[] bytes, int offset) {
		long word = 0;
		for (int i = 7; i >= 0; i--) {
			word = (word << 8) | (0xFF & ((offset + i < bytes.length) ? bytes[offset + i] : PADDING));
		}
		return word;
	}

	/** The high bit of every byte of {@code word} from {@code low} to {@code high}, both below 0x80. */
	static long inRange(long word, int low, int high) {
		long seven = word & LOW_BITS;
		return (seven + ONES * (0x80 - low)) & ~(seven + ONES * (0x7F - high)) & ~word & HIGH_BITS;
	}

	/** The high bit of every byte of {@code word} that is {@code c}. */
	static long equal(long word, int c) {
		long difference = word ^ (ONES * c);
		return ~(((difference & LOW_BITS) + LOW_BITS) | difference) & HIGH_BITS;
	}

	/** The high bits of the eight bytes as eight bits, the first byte lowest. */
	static int lanes(long highBits) {
		return (int) (((highBits >>> 7) * 0x0102040810204080L) >>> 56);
	}

	/** The bits of {@code bits} that start a run of at least {@link #MIN_SECRET_RUN} set bits. */
	private static int runStarts(int bits) {
		int runs = bits & (bits >>> 1);
		runs &= runs >>> 2;
		runs &= runs >>> 4;
		return runs & (runs >>> (MIN_SECRET_RUN - 8));
	}

}
