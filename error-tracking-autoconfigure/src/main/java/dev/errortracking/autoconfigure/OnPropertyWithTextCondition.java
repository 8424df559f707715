package dev.errortracking.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when a property has text. Unlike {@code @ConditionalOnProperty}, an empty value, as left by
 * {@code ${SOME_VARIABLE:}} when the variable is not set, does not match.
 */
abstract class OnPropertyWithTextCondition extends SpringBootCondition {

	private final String property;

	private final String description;

	OnPropertyWithTextCondition(String property, String description) {
		this.property = property;
		this.description = description;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(this.description);
		if (StringUtils.hasText(context.getEnvironment().getProperty(this.property))) {
			return ConditionOutcome.match(message.found("property").items(this.property));
		}
		return ConditionOutcome.noMatch(message.didNotFind("non-empty property").items(this.property));
	}

}
