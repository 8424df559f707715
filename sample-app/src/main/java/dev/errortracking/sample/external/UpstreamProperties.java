package dev.errortracking.sample.external;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the upstream posts API lives and how long to wait for it.
 *
 * @param baseUrl the base URL of the upstream API
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param serviceName the name of the upstream in error details
 */
@ConfigurationProperties("sample.upstream")
@Validated
public record UpstreamProperties(@NotNull URI baseUrl, @NotNull Duration connectTimeout,
		@NotNull Duration readTimeout, @NotBlank String serviceName) {

}
