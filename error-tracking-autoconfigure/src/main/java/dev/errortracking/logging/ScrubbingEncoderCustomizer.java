package dev.errortracking.logging;

import net.logstash.logback.decorate.CompositeJsonGeneratorDecorator;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * Masks every JSON log line of a {@link LogstashJsonEncoder} with the privacy rules, through
 * {@link ScrubbingJsonGeneratorDecorator}.
 */
public class ScrubbingEncoderCustomizer implements LogstashEncoderCustomizer {

	@Override
	public void customize(LogstashEncoder encoder) {
		CompositeJsonGeneratorDecorator decorators = new CompositeJsonGeneratorDecorator();
		if (encoder.getJsonGeneratorDecorator() != null) {
			decorators.addDecorator(encoder.getJsonGeneratorDecorator());
		}
		decorators.addDecorator(new ScrubbingJsonGeneratorDecorator());
		encoder.setJsonGeneratorDecorator(decorators);
	}

}
