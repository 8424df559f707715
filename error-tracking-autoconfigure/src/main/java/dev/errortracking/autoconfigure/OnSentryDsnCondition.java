package dev.errortracking.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code sentry.dsn} has text: an empty DSN leaves Sentry off.
 */
class OnSentryDsnCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Sentry DSN");
		if (StringUtils.hasText(context.getEnvironment().getProperty("sentry.dsn"))) {
			return ConditionOutcome.match(message.found("property").items("sentry.dsn"));
		}
		return ConditionOutcome.noMatch(message.didNotFind("non-empty property").items("sentry.dsn"));
	}

}
