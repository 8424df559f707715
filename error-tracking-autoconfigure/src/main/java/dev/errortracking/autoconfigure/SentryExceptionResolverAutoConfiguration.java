package dev.errortracking.autoconfigure;

import io.sentry.spring.jakarta.SentryExceptionResolver;

import dev.errortracking.sentry.NonReportingSentryExceptionResolver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Keeps Sentry's own exception resolver from reporting while the library renders and reports failures: it would
 * report client errors such as access denied, and a second event whenever its order puts it first. Runs before
 * Sentry's auto-configuration, which backs off when a {@link SentryExceptionResolver} bean exists.
 */
@AutoConfiguration(beforeName = "io.sentry.spring.boot.jakarta.SentryAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ HandlerExceptionResolver.class, SentryExceptionResolver.class })
@ConditionalOnBooleanProperty(name = "error-tracking.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "error-tracking.sentry.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "error-tracking.response.enabled", matchIfMissing = true)
@Conditional(OnSentryDsnCondition.class)
public class SentryExceptionResolverAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(SentryExceptionResolver.class)
	NonReportingSentryExceptionResolver nonReportingSentryExceptionResolver() {
		return new NonReportingSentryExceptionResolver();
	}

}
