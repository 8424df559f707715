package dev.errortracking.sample.post;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.errortracking.sample.SampleHttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies and a create helper; titles are unique so that tests sharing a database never collide.
 */
final class PostFixtures {

	static final String POSTS = "/api/v1/posts";

	private PostFixtures() {
	}

	static String uniqueTitle(String prefix) {
		return prefix + " " + UUID.randomUUID();
	}

	static Map<String, Object> newPost(String title) {
		Map<String, Object> post = new LinkedHashMap<>();
		post.put("title", title);
		post.put("content", "Some content");
		post.put("authorEmail", "author@example.com");
		return post;
	}

	static Map<String, Object> update(String title, String content, long version) {
		Map<String, Object> post = newPost(title);
		post.put("content", content);
		post.put("version", version);
		return post;
	}

	static JsonNode create(SampleHttpClient http, String title) {
		SampleHttpClient.Response response = http.post(POSTS, newPost(title));
		assertThat(response.status()).as("create %s", response).isEqualTo(201);
		return response.json();
	}

}
