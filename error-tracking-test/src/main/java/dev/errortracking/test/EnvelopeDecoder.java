package dev.errortracking.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Decodes a Sentry envelope: a JSON header line, then items of a JSON header line and a payload whose size is the
 * header's {@code length}, or which runs to the next newline when the header has none.
 */
final class EnvelopeDecoder {

	private EnvelopeDecoder() {
	}

	/** Read a request body, inflating it when {@code contentEncoding} says gzip. */
	static byte[] readBody(InputStream body, String contentEncoding) throws IOException {
		InputStream in = ("gzip".equalsIgnoreCase(contentEncoding)) ? new GZIPInputStream(body) : body;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toByteArray();
	}

	/** The items of {@code envelope}. */
	static List<Item> decode(byte[] envelope) {
		List<Item> items = new ArrayList<>();
		int position = endOfLine(envelope, 0);
		position = skipNewline(envelope, position);
		while (position < envelope.length) {
			int headerEnd = endOfLine(envelope, position);
			String headerText = utf8(envelope, position, headerEnd);
			position = skipNewline(envelope, headerEnd);
			if (headerText.isBlank()) {
				continue;
			}
			Map<String, Object> header = Json.parseObject(headerText);
			int payloadEnd;
			if (header.get("length") instanceof Number length) {
				payloadEnd = position + length.intValue();
				if (payloadEnd > envelope.length) {
					throw new IllegalArgumentException("Envelope item is shorter than its declared length");
				}
			}
			else {
				payloadEnd = endOfLine(envelope, position);
			}
			Object type = header.get("type");
			items.add(new Item((type != null) ? type.toString() : "", header,
					Arrays.copyOfRange(envelope, position, payloadEnd)));
			position = skipNewline(envelope, payloadEnd);
		}
		return items;
	}

	/** The {@code event_id} of the envelope's header, or null. */
	static String eventId(byte[] envelope) {
		Object id = Json.parseObject(utf8(envelope, 0, endOfLine(envelope, 0))).get("event_id");
		return (id != null) ? id.toString() : null;
	}

	private static int endOfLine(byte[] bytes, int from) {
		int i = from;
		while (i < bytes.length && bytes[i] != '\n') {
			i++;
		}
		return i;
	}

	private static int skipNewline(byte[] bytes, int position) {
		return (position < bytes.length && bytes[position] == '\n') ? position + 1 : position;
	}

	private static String utf8(byte[] bytes, int from, int to) {
		return new String(bytes, from, to - from, StandardCharsets.UTF_8);
	}

	/**
	 * One envelope item.
	 *
	 * @param type the item type, such as {@code event} or {@code transaction}
	 * @param header the item header
	 * @param content the payload's bytes
	 */
	record Item(String type, Map<String, Object> header, byte[] content) {

		/** The payload as text. */
		String payload() {
			return new String(this.content, StandardCharsets.UTF_8);
		}

	}

}
