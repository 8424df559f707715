package dev.errortracking.logging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scrubbing generator written to directly, one line after another through the same instance as an encoder
 * reuses it, with names given both as strings and as serializable strings, which bean serializers use.
 */
class ScrubbingJsonGeneratorTests {

	private final StringWriter output = new StringWriter();

	private final JsonGenerator generator = generator();

	@Test
	void eachTopLevelValueIsJudgedByTheNameWrittenJustBeforeItHoweverTheNameWasGiven() throws IOException {
		line(() -> {
			this.generator.writeStringField("note", "plain note");
			this.generator.writeFieldName(new SerializedString("password"));
			this.generator.writeString("hunter2-first");
			this.generator.writeFieldName(new SerializedString("reference"));
			this.generator.writeString("ord-1");
			this.generator.writeFieldName(new SerializedString("api_key"));
			this.generator.writeNumber(987654321);
			this.generator.writeNumberField("count", 3);
		});
		line(() -> {
			this.generator.writeFieldName(new SerializedString("note"));
			this.generator.writeString("second note");
			this.generator.writeStringField("password", "hunter2-second");
			this.generator.writeFieldName(new SerializedString("count"));
			this.generator.writeNumber(4);
		});
		String[] lines = lines();
		assertThat(lines[0]).isEqualTo("{\"note\":\"plain note\",\"password\":\"[Filtered]\",\"reference\":\"ord-1\","
				+ "\"api_key\":\"[Filtered]\",\"count\":3}");
		assertThat(lines[1]).isEqualTo("{\"note\":\"second note\",\"password\":\"[Filtered]\",\"count\":4}");
	}

	@Test
	void valuesInsideNestedObjectsAreJudgedByTheirOwnNamesAndTheLineGoesOnAfterThem() throws IOException {
		line(() -> {
			this.generator.writeFieldName("customer");
			this.generator.writeStartObject();
			this.generator.writeStringField("token", "nested-token-1");
			this.generator.writeStringField("city", "London");
			this.generator.writeFieldName("alice@example.com");
			this.generator.writeString("keyed by an email");
			this.generator.writeEndObject();
			this.generator.writeStringField("after", "still written");
			this.generator.writeFieldName("secret");
			this.generator.writeStartArray();
			this.generator.writeString("in-array-1");
			this.generator.writeEndArray();
		});
		assertThat(lines()[0]).isEqualTo("{\"customer\":{\"token\":\"[Filtered]\",\"city\":\"London\","
				+ "\"[Filtered]\":\"keyed by an email\"},\"after\":\"still written\",\"secret\":[\"[Filtered]\"]}");
	}

	@Test
	void binaryValuesAreReplacedHoweverTheyAreWritten() throws IOException {
		byte[] secret = "token=bin-secret-1".getBytes(StandardCharsets.UTF_8);
		line(() -> {
			this.generator.writeBinaryField("blob", secret);
			this.generator.writeFieldName("stream");
			this.generator.writeBinary(new ByteArrayInputStream(secret), secret.length);
			this.generator.writeFieldName("embedded");
			this.generator.writeEmbeddedObject(secret);
			this.generator.writeFieldName("parts");
			this.generator.writeStartArray();
			this.generator.writeBinary(secret, 6, 4);
			this.generator.writeEndArray();
		});
		assertThat(lines()[0]).isEqualTo("{\"blob\":\"[Filtered]\",\"stream\":\"[Filtered]\","
				+ "\"embedded\":\"[Filtered]\",\"parts\":[\"[Filtered]\"]}");
	}

	private void line(Writes writes) throws IOException {
		this.generator.writeStartObject();
		writes.run();
		this.generator.writeEndObject();
		this.generator.flush();
		this.output.write('\n');
	}

	private String[] lines() {
		return this.output.toString().lines().map(String::strip).toArray(String[]::new);
	}

	private JsonGenerator generator() {
		try {
			return new ScrubbingJsonGenerator(new JsonFactory().createGenerator(this.output));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface Writes {

		void run() throws IOException;

	}

}
