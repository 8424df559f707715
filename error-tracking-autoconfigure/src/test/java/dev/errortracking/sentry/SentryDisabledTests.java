package dev.errortracking.sentry;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.sentry.IScopes;
import io.sentry.Sentry;
import io.sentry.spring.jakarta.SentryExceptionResolver;
import org.junit.jupiter.api.Test;

import dev.errortracking.autoconfigure.SentryReportingProperties;
import dev.errortracking.web.ErrorReporter;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a DSN nothing of Sentry runs: no beans, no threads, and the application serves errors as usual.
 */
class SentryDisabledTests {

	@Test
	void withoutDsnThereAreNoSentryBeansNoSentryThreadsAndTheAppWorks() {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SentryTestApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off")
			.run()) {
			TestHttp http = new TestHttp(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

			TestHttp.Response failure = http.get("/api/v1/posts/1");
			TestHttp.Response ok = http.get("/api/v1/ok");

			assertThat(failure.status()).isEqualTo(500);
			assertThat(failure.error()).isEqualTo("INTERNAL_ERROR");
			assertThat(failure.json()).doesNotContainKey("eventId");
			assertThat(failure.eventIdHeader()).isNull();
			assertThat(ok.status()).isEqualTo(200);
			assertThat(context.getBeanNamesForType(IScopes.class)).isEmpty();
			assertThat(context.getBeanNamesForType(ErrorReporter.class)).isEmpty();
			assertThat(context.getBeanNamesForType(SentryExceptionResolver.class)).isEmpty();
			assertThat(context.getBeanNamesForType(Sentry.OptionsConfiguration.class)).isEmpty();
			assertThat(context.getBeanNamesForType(SentryReportingProperties.class)).isEmpty();
			assertThat(context.getBeansOfType(Object.class).values()).extracting((bean) -> bean.getClass().getName())
				.filteredOn((name) -> !name.startsWith(SentryTestApplication.class.getName()))
				.noneMatch((name) -> name.startsWith("io.sentry.") || name.startsWith("dev.errortracking.autoconfigure.Sentry")
						|| name.startsWith(SentryErrorReporter.class.getPackageName() + "."));
			assertThat(Sentry.isEnabled()).isFalse();
			Set<String> newThreads = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> !before.contains(thread))
				.map(Thread::getName)
				.collect(Collectors.toSet());
			assertThat(newThreads).noneMatch((name) -> name.toLowerCase(Locale.ROOT).contains("sentry"));
		}
	}

}
