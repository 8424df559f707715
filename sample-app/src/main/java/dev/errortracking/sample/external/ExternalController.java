package dev.errortracking.sample.external;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Passes a post of the upstream API through; its failures become 503 {@code EXTERNAL_SERVICE_ERROR}.
 */
@RestController
class ExternalController {

	private final UpstreamPostsClient client;

	ExternalController(UpstreamPostsClient client) {
		this.client = client;
	}

	@GetMapping("/api/v1/external/{id}")
	JsonNode get(@PathVariable long id) {
		return this.client.fetchPost(id);
	}

}
