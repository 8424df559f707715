package dev.errortracking.test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link EnvelopeDecoder} and {@link Json}.
 */
class EnvelopeDecoderTests {

	@Test
	void decodesItemsWithAndWithoutLength() {
		String attachment = "line one\nline two";
		String envelope = "{\"event_id\":\"e1\"}\n" + "{\"type\":\"attachment\",\"length\":"
				+ attachment.getBytes(StandardCharsets.UTF_8).length + "}\n" + attachment + "\n"
				+ "{\"type\":\"event\"}\n" + "{\"event_id\":\"e1\",\"message\":\"caf\u00e9\"}\n";

		List<EnvelopeDecoder.Item> items = EnvelopeDecoder.decode(envelope.getBytes(StandardCharsets.UTF_8));

		assertThat(items).extracting(EnvelopeDecoder.Item::type).containsExactly("attachment", "event");
		assertThat(items.get(0).payload()).isEqualTo(attachment);
		assertThat(new ReceivedEvent("event", items.get(1).payload()).message()).isEqualTo("caf\u00e9");
	}

	@Test
	void decodesTheLastItemWithoutTrailingNewline() {
		String envelope = "{}\n{\"type\":\"event\"}\n{\"event_id\":\"e2\"}";
		assertThat(EnvelopeDecoder.decode(envelope.getBytes(StandardCharsets.UTF_8))).singleElement()
			.extracting(EnvelopeDecoder.Item::payload)
			.isEqualTo("{\"event_id\":\"e2\"}");
	}

	@Test
	void rejectsAnItemShorterThanItsLength() {
		String envelope = "{}\n{\"type\":\"event\",\"length\":99}\n{}";
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EnvelopeDecoder.decode(envelope.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void inflatesGzipBodies() throws Exception {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
			gzip.write("{}\n".getBytes(StandardCharsets.UTF_8));
		}
		assertThat(EnvelopeDecoder.readBody(new ByteArrayInputStream(compressed.toByteArray()), "gzip"))
			.isEqualTo("{}\n".getBytes(StandardCharsets.UTF_8));
		assertThat(EnvelopeDecoder.readBody(new ByteArrayInputStream("plain".getBytes()), null))
			.isEqualTo("plain".getBytes());
	}

	@Test
	void parsesJsonValues() {
		assertThat(Json.parse("{\"a\":[1,2.5,-3e2,true,false,null,\"x\\\"\\u0041\\n\"],\"b\":{}}"))
			.isEqualTo(Map.of("a", Arrays.asList(1L, 2.5, -300.0, true, false, null, "x\"A\n"),
					"b", Map.of()));
	}

	@Test
	void rejectsMalformedJson() {
		assertThatIllegalArgumentException().isThrownBy(() -> Json.parse("{\"a\":1"));
		assertThatIllegalArgumentException().isThrownBy(() -> Json.parse("{\"a\":1} x"));
		assertThatIllegalArgumentException().isThrownBy(() -> Json.parseObject("[1]"));
	}

}
