package dev.errortracking.logging;

import net.logstash.logback.encoder.LogstashEncoder;

/**
 * Customizes every {@link LogstashJsonEncoder} before it starts, for example to mask values with a
 * {@code MaskingJsonGeneratorDecorator}. Implementations are registered in {@code META-INF/spring.factories}
 * because logging starts before any bean exists; they are applied in {@code @Order} order.
 */
@FunctionalInterface
public interface LogstashEncoderCustomizer {

	/** Customize {@code encoder}, which has not been started yet. */
	void customize(LogstashEncoder encoder);

}
