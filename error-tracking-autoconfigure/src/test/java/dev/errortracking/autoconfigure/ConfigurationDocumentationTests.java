package dev.errortracking.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every property in the generated IDE metadata has a description and a line in the configuration reference.
 */
class ConfigurationDocumentationTests {

	private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");

	@Test
	void everyPropertyIsDescribedAndDocumented() throws IOException {
		List<JsonNode> properties = properties();
		assertThat(properties).hasSizeGreaterThan(10);
		String reference = Files.readString(REFERENCE);
		for (JsonNode property : properties) {
			String name = property.get("name").asText();
			assertThat(property.path("description").asText()).as("description of %s", name).isNotBlank();
			assertThat(reference).as("docs/configuration.md documents %s", name).contains("`" + name);
		}
	}

	private static List<JsonNode> properties() throws IOException {
		try (InputStream metadata = ConfigurationDocumentationTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("generated configuration metadata").isNotNull();
			List<JsonNode> properties = new ArrayList<>();
			new ObjectMapper().readTree(metadata).get("properties").forEach(properties::add);
			return properties;
		}
	}

}
