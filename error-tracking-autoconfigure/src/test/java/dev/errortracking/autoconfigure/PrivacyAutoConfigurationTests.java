package dev.errortracking.autoconfigure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import io.sentry.Attachment;
import io.sentry.Hint;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.SentryTransaction;
import io.sentry.protocol.TransactionInfo;
import org.junit.jupiter.api.Test;

import dev.errortracking.logging.LogScrubber;
import dev.errortracking.privacy.BuiltInRule;
import dev.errortracking.privacy.PrivacyRules;
import dev.errortracking.privacy.PrivacyScrubber;
import dev.errortracking.sentry.ScrubbingBeforeBreadcrumbCallback;
import dev.errortracking.sentry.ScrubbingBeforeSendCallback;
import dev.errortracking.sentry.ScrubbingBeforeSendLogCallback;
import dev.errortracking.sentry.ScrubbingBeforeSendMetricCallback;
import dev.errortracking.sentry.ScrubbingBeforeSendTransactionCallback;
import dev.errortracking.web.ScrubbingErrorBodyCustomizer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy auto-configuration: its beans, its properties, and how it backs off.
 */
class PrivacyAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PrivacyAutoConfiguration.class))
		.withPropertyValues("sentry.dsn=http://public@127.0.0.1:9/1");

	@Test
	void withoutASentryDsnTheSentryCallbacksBackOff() {
		this.runner.withPropertyValues("sentry.dsn=").run((context) -> {
			assertThat(context).hasSingleBean(PrivacyScrubber.class)
				.hasSingleBean(LogScrubberInstaller.class)
				.doesNotHaveBean(ScrubbingBeforeSendCallback.class)
				.doesNotHaveBean(ScrubbingBeforeBreadcrumbCallback.class);
		});
	}

	@Test
	void providesTheRulesTheScrubberAndEveryAdapter() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PrivacyRules.class)
				.hasSingleBean(PrivacyScrubber.class)
				.hasSingleBean(ScrubbingBeforeSendCallback.class)
				.hasSingleBean(ScrubbingBeforeSendTransactionCallback.class)
				.hasSingleBean(ScrubbingBeforeBreadcrumbCallback.class)
				.hasSingleBean(ScrubbingBeforeSendLogCallback.class)
				.hasSingleBean(ScrubbingBeforeSendMetricCallback.class)
				.hasSingleBean(ScrubbingErrorBodyCustomizer.class)
				.hasSingleBean(LogScrubberInstaller.class);
			PrivacyRules rules = context.getBean(PrivacyRules.class);
			assertThat(LogScrubber.get().rules()).usingRecursiveComparison()
				.ignoringFields("maxStringLength")
				.isEqualTo(rules);
			assertThat(LogScrubber.get().rules().maxStringLength()).isEqualTo(LogScrubber.DEFAULT_MAX_STRING_LENGTH);
			assertThat(rules.maxStringLength()).isEqualTo(PrivacyRules.DEFAULT_MAX_STRING_LENGTH);
			assertThat(rules.builtInRules()).containsExactlyInAnyOrder(BuiltInRule.values());
		});
		assertThat(LogScrubber.get()).isSameAs(LogScrubber.defaults());
	}

	@Test
	void propertiesShapeTheRules() {
		this.runner
			.withPropertyValues("error-tracking.privacy.replacement=***", "error-tracking.privacy.extra-keys=tax-id",
					"error-tracking.privacy.safe-keys=author",
					"error-tracking.privacy.extra-patterns=ORD-\\d{6},pin (?<secret>\\d{4})",
					"error-tracking.privacy.disabled-rules=ip-address,email",
					"error-tracking.user.include-email=true", "error-tracking.privacy.max-depth=8",
					"error-tracking.privacy.max-string-length=1000", "error-tracking.privacy.max-items=50",
					"error-tracking.privacy.max-log-string-length=5000",
					"error-tracking.privacy.user-id-key=shop-secret")
			.run((context) -> {
				PrivacyRules rules = context.getBean(PrivacyRules.class);
				assertThat(rules.builtInRules()).doesNotContain(BuiltInRule.IP_ADDRESS, BuiltInRule.EMAIL);
				assertThat(rules.sendUserEmail()).isTrue();
				assertThat(rules.sendUsername()).isFalse();
				assertThat(rules.maxDepth()).isEqualTo(8);
				assertThat(rules.maxStringLength()).isEqualTo(1000);
				assertThat(LogScrubber.get().rules().maxStringLength()).isEqualTo(5000);
				assertThat(LogScrubber.get().scrubText("ORD-123456 pin 1234 alice@example.com"))
					.isEqualTo("*** pin *** alice@example.com");
				assertThat(rules.maxItems()).isEqualTo(50);
				PrivacyScrubber scrubber = context.getBean(PrivacyScrubber.class);
				assertThat(scrubber.scrubText("ORD-123456 pin 1234 alice@example.com 10.0.0.1 4111111111111111"))
					.isEqualTo("*** pin *** alice@example.com 10.0.0.1 ***");
				assertThat(scrubber.isSensitiveKey("customer_tax_id")).isTrue();
				assertThat(scrubber.isSensitiveKey("author")).isFalse();
				assertThat(scrubber.pseudonym("alice"))
					.isEqualTo(new PrivacyScrubber(PrivacyRules.builder().userIdKey("shop-secret").build())
						.pseudonym("alice"))
					.isNotEqualTo(PrivacyScrubber.defaults().pseudonym("alice"));
			});
	}

	@Test
	void anInvalidPatternStopsTheApplication() {
		this.runner.withPropertyValues("error-tracking.privacy.extra-patterns=(unclosed")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void userRulesReplaceTheConfiguredOnes() {
		this.runner.withUserConfiguration(CustomRules.class).run((context) -> {
			assertThat(context).hasSingleBean(PrivacyRules.class);
			assertThat(context.getBean(PrivacyScrubber.class).rules()).isSameAs(context.getBean(PrivacyRules.class));
			assertThat(context.getBean(PrivacyScrubber.class).scrubText("alice@example.com")).isEqualTo("<removed>");
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void userFeedbackIsScrubbedUnlessTheApplicationHasItsOwnCallback() {
		this.runner.run((context) -> {
			Sentry.OptionsConfiguration<SentryOptions> configuration = context.getBean("sentryFeedbackScrubbing",
					Sentry.OptionsConfiguration.class);
			SentryOptions options = new SentryOptions();
			configuration.configure(options);
			assertThat(options.getBeforeSendFeedback()).isInstanceOf(ScrubbingBeforeSendCallback.class);
			SentryOptions.BeforeSendCallback own = (event, hint) -> event;
			SentryOptions withOwn = new SentryOptions();
			withOwn.setBeforeSendFeedback(own);
			configuration.configure(withOwn);
			assertThat(withOwn.getBeforeSendFeedback()).isSameAs(own);
		});
	}

	@Test
	void binaryAttachmentsAreLeftOutUnlessTheApplicationKeepsThem() {
		this.runner.run((context) -> assertThat(binaryAttachmentsKept(context)).containsExactly(false, false, false));
		this.runner.withPropertyValues("error-tracking.privacy.keep-binary-attachments=true")
			.run((context) -> assertThat(binaryAttachmentsKept(context)).containsExactly(true, true, true));
	}

	/** Whether the event, transaction and feedback callbacks keep an image attachment. */
	@SuppressWarnings("unchecked")
	private static List<Boolean> binaryAttachmentsKept(ApplicationContext context) {
		Sentry.OptionsConfiguration<SentryOptions> feedback = context.getBean("sentryFeedbackScrubbing",
				Sentry.OptionsConfiguration.class);
		SentryOptions options = new SentryOptions();
		feedback.configure(options);
		List<Boolean> kept = new ArrayList<>();
		Hint eventHint = imageHint();
		context.getBean(ScrubbingBeforeSendCallback.class).execute(new SentryEvent(), eventHint);
		kept.add(!eventHint.getAttachments().isEmpty());
		Hint transactionHint = imageHint();
		context.getBean(ScrubbingBeforeSendTransactionCallback.class)
			.execute(new SentryTransaction("GET /", 1.0, 2.0, List.of(), Map.of(), new TransactionInfo("route")),
					transactionHint);
		kept.add(!transactionHint.getAttachments().isEmpty());
		Hint feedbackHint = imageHint();
		options.getBeforeSendFeedback().execute(new SentryEvent(), feedbackHint);
		kept.add(!feedbackHint.getAttachments().isEmpty());
		return kept;
	}

	private static Hint imageHint() {
		return Hint.withAttachment(new Attachment(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "chart.png", "image/png"));
	}

	@Test
	void userCallbacksReplaceTheScrubbingOnes() {
		this.runner.withUserConfiguration(CustomCallbacks.class).run((context) -> {
			assertThat(context).hasSingleBean(SentryOptions.BeforeSendCallback.class)
				.doesNotHaveBean(ScrubbingBeforeSendCallback.class)
				.hasSingleBean(SentryOptions.BeforeBreadcrumbCallback.class)
				.doesNotHaveBean(ScrubbingBeforeBreadcrumbCallback.class)
				.hasSingleBean(SentryOptions.Metrics.BeforeSendMetricCallback.class)
				.doesNotHaveBean(ScrubbingBeforeSendMetricCallback.class)
				.hasSingleBean(ScrubbingBeforeSendTransactionCallback.class);
		});
	}

	@Test
	void backsOffWithoutSentryOrLogback() {
		this.runner.withClassLoader(new FilteredClassLoader(SentryOptions.class)).run((context) -> {
			assertThat(context).hasSingleBean(PrivacyScrubber.class)
				.doesNotHaveBean(SentryOptions.BeforeSendCallback.class)
				.hasSingleBean(LogScrubberInstaller.class);
		});
		this.runner.withClassLoader(new FilteredClassLoader(LoggerContext.class)).run((context) -> {
			assertThat(context).hasSingleBean(ScrubbingBeforeSendCallback.class)
				.doesNotHaveBean(LogScrubberInstaller.class);
		});
	}

	@Test
	void disabledPrivacyScrubsNothingAnywhere() {
		this.runner.withPropertyValues("error-tracking.privacy.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(PrivacyScrubber.class)
				.doesNotHaveBean(ScrubbingBeforeSendCallback.class)
				.doesNotHaveBean(ScrubbingErrorBodyCustomizer.class);
			assertThat(LogScrubber.get()).isSameAs(PrivacyScrubber.passThrough());
		});
		assertThat(LogScrubber.get()).isSameAs(LogScrubber.defaults());
	}

	@Test
	void disabledErrorTrackingBacksOffCompletely() {
		this.runner.withPropertyValues("error-tracking.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(PrivacyRules.class)
				.doesNotHaveBean(PrivacyScrubber.class)
				.doesNotHaveBean(LogScrubberInstaller.class)
				.doesNotHaveBean(ScrubbingBeforeSendCallback.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomRules {

		@Bean
		PrivacyRules customRules() {
			return PrivacyRules.builder()
				.replacement("<removed>")
				.disable(EnumSet.of(BuiltInRule.IP_ADDRESS))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomCallbacks {

		@Bean
		SentryOptions.BeforeSendCallback customBeforeSend() {
			return (event, hint) -> event;
		}

		@Bean
		SentryOptions.BeforeBreadcrumbCallback customBeforeBreadcrumb() {
			return (breadcrumb, hint) -> breadcrumb;
		}

		@Bean
		SentryOptions.Metrics.BeforeSendMetricCallback customBeforeSendMetric() {
			return (metric, hint) -> metric;
		}

	}

}
