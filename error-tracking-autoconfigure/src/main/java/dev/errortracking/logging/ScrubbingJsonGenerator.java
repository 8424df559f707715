package dev.errortracking.logging;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import net.logstash.logback.util.SimpleObjectJsonGeneratorDelegate;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * A generator that scrubs every string and long number it is given before writing it, and writes the replacement
 * for every value under a sensitive key. Strings, numbers and booleans given as objects are written straight through
 * this generator, as logstash-logback-encoder's own generator does; other objects (maps, records, beans, trees) are
 * serialized through it, and raw JSON values are parsed and scrubbed, so their values are scrubbed too. Binary
 * values are replaced.
 */
final class ScrubbingJsonGenerator extends SimpleObjectJsonGeneratorDelegate {

	private static final long MIN_CARD_NUMBER = 1_000_000_000_000L;

	private static final int ORDINARY = 0;

	private static final int ENCODER_FIELD = 1;

	private static final int SENSITIVE = 2;

	private static final int UNKNOWN = -1;

	private static final int TOP_LEVEL_SLOTS = 64;

	private static final int MAX_PROBES = 4;

	private final String[] topLevelNames = new String[TOP_LEVEL_SLOTS];

	private final byte[] topLevelKinds = new byte[TOP_LEVEL_SLOTS];

	private final String[] topLevelClean = new String[TOP_LEVEL_SLOTS];

	private PrivacyScrubber topLevelScrubber;

	ScrubbingJsonGenerator(JsonGenerator delegate) {
		super(delegate);
	}

	@Override
	public void writeString(String text) throws IOException {
		if (text == null) {
			this.delegate.writeString((String) null);
			return;
		}
		PrivacyScrubber scrubber = LogScrubber.get();
		JsonStreamContext context = this.delegate.getOutputContext();
		int slot = topLevelSlot(context, scrubber);
		int kind = kindOf(context, slot, scrubber);
		if (kind == ENCODER_FIELD || (kind == ORDINARY && CompactThrowableConverter.isScrubbedOutput(text))) {
			this.delegate.writeString(text);
		}
		else if (kind == SENSITIVE) {
			this.delegate.writeString(scrubber.replacement());
		}
		else {
			this.delegate.writeString(scrubOrdinary(slot, text, scrubber));
		}
	}

	/**
	 * Scrub an ordinary value; a top-level value equal to the one last found clean in the same field (the logger and
	 * thread names, a request's MDC values on its every line, routes and error codes from one line to the next) is
	 * written as it is.
	 */
	private String scrubOrdinary(int slot, String text, PrivacyScrubber scrubber) {
		if (slot >= 0 && text.equals(this.topLevelClean[slot])) {
			return text;
		}
		String scrubbed = scrubber.scrubText(text);
		if (slot >= 0 && scrubbed == text) {
			this.topLevelClean[slot] = text;
		}
		return scrubbed;
	}

	/**
	 * Names inside nested objects, such as the keys of a map given as an argument, may hold data and are scrubbed; the
	 * line's own field names are written as they are.
	 */
	@Override
	public void writeFieldName(String name) throws IOException {
		JsonStreamContext parent = this.delegate.getOutputContext().getParent();
		this.delegate.writeFieldName((parent == null || parent.inRoot()) ? name : LogScrubber.get().scrubKey(name));
	}

	@Override
	public void writeFieldId(long id) throws IOException {
		writeFieldName(Long.toString(id));
	}

	@Override
	public void writeObject(Object value) throws IOException {
		if (value == null) {
			writeNull();
		}
		else if (value instanceof String text) {
			writeString(text);
		}
		else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			writeNumber(((Number) value).intValue());
		}
		else if (value instanceof Long number) {
			writeNumber(number.longValue());
		}
		else if (value instanceof Double number) {
			writeNumber(number.doubleValue());
		}
		else if (value instanceof Float number) {
			writeNumber(number.floatValue());
		}
		else if (value instanceof BigDecimal number) {
			writeNumber(number);
		}
		else if (value instanceof BigInteger number) {
			writeNumber(number);
		}
		else if (value instanceof Boolean flag) {
			writeBoolean(flag);
		}
		else {
			ObjectCodec codec = getCodec();
			if (codec != null) {
				codec.writeValue(this, value);
			}
			else {
				writeString(String.valueOf(value));
			}
		}
	}

	@Override
	public void writeRawValue(String json) throws IOException {
		PrivacyScrubber scrubber = LogScrubber.get();
		int kind = kindOfNextValue(scrubber);
		if (kind == ENCODER_FIELD) {
			this.delegate.writeRawValue(json);
		}
		else if (kind == SENSITIVE) {
			writeReplacement();
		}
		else {
			String scrubbed = scrubber.scrubJson(json);
			if (scrubbed == null || scrubbed.equals(scrubber.replacement())) {
				writeReplacement();
			}
			else {
				this.delegate.writeRawValue(scrubbed);
			}
		}
	}

	@Override
	public void writeRawValue(String json, int offset, int length) throws IOException {
		writeRawValue(json.substring(offset, offset + length));
	}

	@Override
	public void writeRawValue(char[] json, int offset, int length) throws IOException {
		writeRawValue(new String(json, offset, length));
	}

	@Override
	public void writeString(char[] text, int offset, int length) throws IOException {
		writeString(new String(text, offset, length));
	}

	@Override
	public void writeString(SerializableString text) throws IOException {
		writeString(text.getValue());
	}

	@Override
	public void writeUTF8String(byte[] text, int offset, int length) throws IOException {
		writeString(new String(text, offset, length, StandardCharsets.UTF_8));
	}

	@Override
	public void writeRawUTF8String(byte[] text, int offset, int length) throws IOException {
		writeString(new String(text, offset, length, StandardCharsets.UTF_8));
	}

	@Override
	public void writeString(Reader reader, int length) throws IOException {
		StringWriter text = new StringWriter();
		char[] buffer = new char[1024];
		int remaining = (length < 0) ? Integer.MAX_VALUE : length;
		int read;
		while (remaining > 0 && (read = reader.read(buffer, 0, Math.min(buffer.length, remaining))) >= 0) {
			text.write(buffer, 0, read);
			remaining -= read;
		}
		writeString(text.toString());
	}

	/** Binary values would be written as Base64, which no rule can read: they are replaced. */
	@Override
	public void writeBinary(Base64Variant variant, byte[] data, int offset, int length) throws IOException {
		writeReplacement();
	}

	@Override
	public int writeBinary(Base64Variant variant, InputStream data, int length) throws IOException {
		writeReplacement();
		return 0;
	}

	@Override
	public void writeEmbeddedObject(Object value) throws IOException {
		if (value instanceof byte[]) {
			writeReplacement();
		}
		else {
			super.writeEmbeddedObject(value);
		}
	}

	@Override
	public void writeArray(String[] array, int offset, int length) throws IOException {
		writeStartArray(array, length);
		for (int i = offset; i < offset + length; i++) {
			writeString(array[i]);
		}
		writeEndArray();
	}

	@Override
	public void writeArray(long[] array, int offset, int length) throws IOException {
		writeStartArray(array, length);
		for (int i = offset; i < offset + length; i++) {
			writeNumber(array[i]);
		}
		writeEndArray();
	}

	@Override
	public void writeArray(int[] array, int offset, int length) throws IOException {
		writeStartArray(array, length);
		for (int i = offset; i < offset + length; i++) {
			writeNumber(array[i]);
		}
		writeEndArray();
	}

	@Override
	public void writeArray(double[] array, int offset, int length) throws IOException {
		writeStartArray(array, length);
		for (int i = offset; i < offset + length; i++) {
			writeNumber(array[i]);
		}
		writeEndArray();
	}

	@Override
	public void writeNumber(long value) throws IOException {
		boolean longEnough = value >= MIN_CARD_NUMBER || value <= -MIN_CARD_NUMBER;
		if (!replaced(longEnough ? Long.toString(value) : null)) {
			this.delegate.writeNumber(value);
		}
	}

	@Override
	public void writeNumber(BigInteger value) throws IOException {
		if (value == null || !replaced((value.bitLength() >= 40) ? value.toString() : null)) {
			this.delegate.writeNumber(value);
		}
	}

	@Override
	public void writeNumber(BigDecimal value) throws IOException {
		if (value == null || !replaced((value.precision() - value.scale() >= 13) ? value.toPlainString() : null)) {
			this.delegate.writeNumber(value);
		}
	}

	@Override
	public void writeNumber(char[] encodedValue, int offset, int length) throws IOException {
		writeNumber(new String(encodedValue, offset, length));
	}

	@Override
	public void writeNumber(String encodedValue) throws IOException {
		if (encodedValue == null || !replaced((encodedValue.length() >= 13) ? encodedValue : null)) {
			this.delegate.writeNumber(encodedValue);
		}
	}

	@Override
	public void writeNumber(int value) throws IOException {
		if (!replaced(null)) {
			this.delegate.writeNumber(value);
		}
	}

	@Override
	public void writeNumber(short value) throws IOException {
		if (!replaced(null)) {
			this.delegate.writeNumber(value);
		}
	}

	@Override
	public void writeNumber(float value) throws IOException {
		if (!replaced(null)) {
			this.delegate.writeNumber(value);
		}
	}

	@Override
	public void writeNumber(double value) throws IOException {
		if (!replaced(null)) {
			this.delegate.writeNumber(value);
		}
	}

	@Override
	public void writeBoolean(boolean value) throws IOException {
		if (!replaced(null)) {
			this.delegate.writeBoolean(value);
		}
	}

	/** Write the replacement instead of a value other than a string when {@link #isReplaced(String)}. */
	private boolean replaced(String digits) throws IOException {
		if (!isReplaced(digits)) {
			return false;
		}
		writeReplacement();
		return true;
	}

	/**
	 * Whether a value other than a string is written as the replacement: under a sensitive key always, otherwise
	 * when {@code digits}, the value's digits if it is long enough to be a card number, hold a secret.
	 */
	private boolean isReplaced(String digits) {
		PrivacyScrubber scrubber = LogScrubber.get();
		int kind = kindOfNextValue(scrubber);
		return kind == SENSITIVE
				|| (kind == ORDINARY && digits != null && !scrubber.scrubText(digits).equals(digits));
	}

	private int kindOfNextValue(PrivacyScrubber scrubber) {
		JsonStreamContext context = this.delegate.getOutputContext();
		return kindOf(context, topLevelSlot(context, scrubber), scrubber);
	}

	/**
	 * What the value about to be written is: the field names of a log line's top level are the same few instances
	 * line after line, so their kind is remembered by identity; values deeper down are looked at every time.
	 */
	private int kindOf(JsonStreamContext context, int slot, PrivacyScrubber scrubber) {
		if (slot < 0) {
			return kindAt(context, scrubber);
		}
		if (this.topLevelKinds[slot] == UNKNOWN) {
			this.topLevelKinds[slot] = (byte) kindAt(context, scrubber);
		}
		return this.topLevelKinds[slot];
	}

	/**
	 * The slot of a top-level field's name, found by identity within a few probes from its hash and claimed when
	 * free, or -1 for a value deeper down. The slots start over when another scrubber is installed.
	 */
	private int topLevelSlot(JsonStreamContext context, PrivacyScrubber scrubber) {
		JsonStreamContext parent = context.getParent();
		String name = context.getCurrentName();
		if (name == null || parent == null || !parent.inRoot()) {
			return -1;
		}
		if (this.topLevelScrubber != scrubber) {
			Arrays.fill(this.topLevelNames, null);
			this.topLevelScrubber = scrubber;
		}
		int first = name.hashCode() & (TOP_LEVEL_SLOTS - 1);
		for (int probe = 0; probe < MAX_PROBES; probe++) {
			int slot = (first + probe) & (TOP_LEVEL_SLOTS - 1);
			String held = this.topLevelNames[slot];
			if (held == name) {
				return slot;
			}
			if (held == null) {
				return claim(slot, name);
			}
		}
		return claim(first, name);
	}

	private int claim(int slot, String name) {
		this.topLevelNames[slot] = name;
		this.topLevelKinds[slot] = UNKNOWN;
		this.topLevelClean[slot] = null;
		return slot;
	}

	private static int kindAt(JsonStreamContext context, PrivacyScrubber scrubber) {
		if (JsonLogFields.isEncoderField(context)) {
			return ENCODER_FIELD;
		}
		return JsonLogFields.isUnderSensitiveKey(context, scrubber) ? SENSITIVE : ORDINARY;
	}

	private void writeReplacement() throws IOException {
		this.delegate.writeString(LogScrubber.get().replacement());
	}

}
