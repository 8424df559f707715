package dev.errortracking.autoconfigure;

import io.sentry.Sentry;
import io.sentry.SentryOptions;

import dev.errortracking.logging.LogScrubber;
import dev.errortracking.privacy.PrivacyRules;
import dev.errortracking.privacy.PrivacyScrubber;
import dev.errortracking.privacy.ValueRule;
import dev.errortracking.sentry.ScrubbingBeforeBreadcrumbCallback;
import dev.errortracking.sentry.ScrubbingBeforeSendCallback;
import dev.errortracking.sentry.ScrubbingBeforeSendLogCallback;
import dev.errortracking.sentry.ScrubbingBeforeSendMetricCallback;
import dev.errortracking.sentry.ScrubbingBeforeSendTransactionCallback;
import dev.errortracking.web.ScrubbingErrorBodyCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of one privacy rule set applied to Sentry events, breadcrumbs and transactions, to logs and to
 * the details of error bodies.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "error-tracking.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ PrivacyProperties.class, ErrorTrackingProperties.class })
public class PrivacyAutoConfiguration {

	static final String ENABLED = "error-tracking.privacy.enabled";

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
	PrivacyRules privacyRules(PrivacyProperties properties, ErrorTrackingProperties errorTracking) {
		ErrorTrackingProperties.UserSettings user = errorTracking.getUser();
		PrivacyRules.Builder rules = PrivacyRules.builder()
			.replacement(properties.getReplacement())
			.sensitiveKeys(properties.getExtraKeys())
			.safeKeys(properties.getSafeKeys())
			.disable(properties.getDisabledRules())
			.sendUserEmail(user.isIncludeEmail())
			.sendUsername(user.isIncludeUsername())
			.sendUserIpAddress(user.isIncludeIpAddress())
			.userIdKey(properties.getUserIdKey())
			.maxDepth(properties.getMaxDepth())
			.maxStringLength(properties.getMaxStringLength())
			.maxItems(properties.getMaxItems());
		for (int i = 0; i < properties.getExtraPatterns().size(); i++) {
			rules.rule(ValueRule.of("extra-pattern-" + i, properties.getExtraPatterns().get(i)));
		}
		return rules.build();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
	PrivacyScrubber privacyScrubber(PrivacyRules rules) {
		return new PrivacyScrubber(rules);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "jakarta.servlet.http.HttpServletRequest")
	@ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
	static class ErrorBodyScrubbingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ScrubbingErrorBodyCustomizer scrubbingErrorBodyCustomizer(PrivacyScrubber scrubber) {
			return new ScrubbingErrorBodyCustomizer(scrubber);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SentryOptions.class)
	@Conditional(OnSentryDsnCondition.class)
	@ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
	static class SentryScrubbingConfiguration {

		@Bean
		@ConditionalOnMissingBean(SentryOptions.BeforeSendCallback.class)
		ScrubbingBeforeSendCallback scrubbingBeforeSendCallback(PrivacyScrubber scrubber,
				PrivacyProperties properties) {
			return new ScrubbingBeforeSendCallback(scrubber, properties.isKeepBinaryAttachments());
		}

		/** Sentry takes the callback for user feedback from its options only, not as a bean of its own type. */
		@Bean
		@ConditionalOnMissingBean(name = "sentryFeedbackScrubbing")
		Sentry.OptionsConfiguration<SentryOptions> sentryFeedbackScrubbing(PrivacyScrubber scrubber,
				PrivacyProperties properties) {
			return (options) -> {
				if (options.getBeforeSendFeedback() == null) {
					options.setBeforeSendFeedback(
							new ScrubbingBeforeSendCallback(scrubber, properties.isKeepBinaryAttachments()));
				}
			};
		}

		@Bean
		@ConditionalOnMissingBean(SentryOptions.BeforeSendTransactionCallback.class)
		ScrubbingBeforeSendTransactionCallback scrubbingBeforeSendTransactionCallback(PrivacyScrubber scrubber,
				PrivacyProperties properties) {
			return new ScrubbingBeforeSendTransactionCallback(scrubber, properties.isKeepBinaryAttachments());
		}

		@Bean
		@ConditionalOnMissingBean(SentryOptions.Logs.BeforeSendLogCallback.class)
		ScrubbingBeforeSendLogCallback scrubbingBeforeSendLogCallback(PrivacyScrubber scrubber) {
			return new ScrubbingBeforeSendLogCallback(scrubber);
		}

		@Bean
		@ConditionalOnMissingBean(SentryOptions.Metrics.BeforeSendMetricCallback.class)
		ScrubbingBeforeSendMetricCallback scrubbingBeforeSendMetricCallback(PrivacyScrubber scrubber) {
			return new ScrubbingBeforeSendMetricCallback(scrubber);
		}

		@Bean
		@ConditionalOnMissingBean(SentryOptions.BeforeBreadcrumbCallback.class)
		ScrubbingBeforeBreadcrumbCallback scrubbingBeforeBreadcrumbCallback(PrivacyScrubber scrubber) {
			return new ScrubbingBeforeBreadcrumbCallback(scrubber);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
	static class LogScrubbingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LogScrubberInstaller logScrubberInstaller(ObjectProvider<PrivacyScrubber> scrubber,
				PrivacyProperties properties) {
			PrivacyScrubber configured = scrubber.getIfAvailable();
			return new LogScrubberInstaller((configured != null)
					? LogScrubber.forLogs(configured, properties.getMaxLogStringLength()) : PrivacyScrubber.passThrough());
		}

	}

}
