package dev.errortracking.sample;

import java.sql.Connection;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentry.Sentry;
import org.junit.jupiter.api.Test;

import dev.errortracking.sample.external.UpstreamProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import static dev.errortracking.sample.ErrorBodyAssertions.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app as shipped, as on a fresh machine: no Sentry DSN, no database server, nothing upstream. It starts and
 * serves, and every error body is complete without an event id.
 */
@SampleAppTest
class DefaultConfigurationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Environment environment;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private UpstreamProperties upstream;

	@Autowired
	private ApplicationContext context;

	@Test
	void startsWithoutASentryDsnAndSentryStaysOff() {
		assertThat(this.environment.getProperty("sentry.dsn")).isEmpty();
		assertThat(Sentry.isEnabled()).isFalse();
		assertThat(this.context.getBeansOfType(Object.class).values()).extracting((bean) -> bean.getClass().getName())
			.as("beans of Sentry's own, which an empty DSN leaves out as a missing one does")
			.noneMatch((name) -> name.startsWith("io.sentry."));
		assertThat(this.context.getBeansOfType(FilterRegistrationBean.class).values())
			.extracting((registration) -> registration.getFilter().getClass().getName())
			.noneMatch((name) -> name.startsWith("io.sentry."));
	}

	@Test
	void runsInTheDevProfileOnAnInMemoryDatabase() throws Exception {
		assertThat(this.environment.getActiveProfiles()).isEmpty();
		assertThat(this.environment.getDefaultProfiles()).containsExactly("dev");
		assertThat(this.environment.getProperty("sentry.environment")).isEqualTo("development");
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:mem:");
		}
	}

	@Test
	void servesRequests() {
		SampleHttpClient.Response response = new SampleHttpClient(this.port).get("/api/v1/posts");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("content").isArray()).isTrue();
	}

	@Test
	void aServerErrorHasTheStandardBodyWithoutAnEventId() {
		JsonNode body = assertErrorBody(new SampleHttpClient(this.port).get("/sentry-debug"), 500, "INTERNAL_ERROR");

		assertThat(body.has("eventId")).isFalse();
	}

	@Test
	void theDefaultUpstreamIsALoopbackAddressWhereNothingListens() {
		assertThat(this.upstream.baseUrl().getHost()).isEqualTo("127.0.0.1");

		JsonNode body = assertErrorBody(new SampleHttpClient(this.port).get("/api/v1/external/1"), 503,
				"EXTERNAL_SERVICE_ERROR");

		assertThat(body.get("details").get("service").asText()).isEqualTo("upstream-posts");
	}

}
