package dev.errortracking.sample.external;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.errortracking.exception.ExternalServiceException;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Reads posts from the upstream API; an error status, a timeout, an unreachable host or an unreadable answer
 * becomes an {@link ExternalServiceException}.
 */
@Component
class UpstreamPostsClient {

	private final RestClient restClient;

	private final String serviceName;

	UpstreamPostsClient(RestClient.Builder builder, UpstreamProperties properties) {
		ClientHttpRequestFactorySettings settings = ClientHttpRequestFactorySettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.readTimeout());
		this.restClient = builder.baseUrl(properties.baseUrl().toString())
			.requestFactory(ClientHttpRequestFactoryBuilder.detect().build(settings))
			.build();
		this.serviceName = properties.serviceName();
	}

	JsonNode fetchPost(long id) {
		JsonNode post;
		try {
			post = this.restClient.get().uri("/posts/{id}", id).retrieve().body(JsonNode.class);
		}
		catch (RestClientResponseException ex) {
			throw failure("Upstream answered HTTP " + ex.getStatusCode().value(), ex);
		}
		catch (ResourceAccessException ex) {
			throw failure(isTimeout(ex) ? "Upstream timed out" : "Upstream is unreachable", ex);
		}
		catch (RestClientException ex) {
			throw failure("Upstream answered an unreadable body", ex);
		}
		if (post == null || post.isMissingNode()) {
			throw failure("Upstream answered an empty body", null);
		}
		return post;
	}

	private ExternalServiceException failure(String message, Exception cause) {
		return new ExternalServiceException(this.serviceName, message, cause);
	}

	private static boolean isTimeout(ResourceAccessException ex) {
		return ex.getCause() instanceof HttpTimeoutException || ex.getCause() instanceof SocketTimeoutException;
	}

}
