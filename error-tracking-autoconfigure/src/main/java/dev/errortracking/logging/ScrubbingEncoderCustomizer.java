package dev.errortracking.logging;

import net.logstash.logback.decorate.CompositeJsonGeneratorDecorator;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;

/**
 * Masks every JSON log line of a {@link LogstashJsonEncoder} with the privacy rules, through
 * logstash-logback-encoder's {@link MaskingJsonGeneratorDecorator} and {@link ScrubbingValueMasker}.
 */
public class ScrubbingEncoderCustomizer implements LogstashEncoderCustomizer {

	@Override
	public void customize(LogstashEncoder encoder) {
		MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();
		masking.addValueMasker(new ScrubbingValueMasker());
		masking.start();
		CompositeJsonGeneratorDecorator decorators = new CompositeJsonGeneratorDecorator();
		if (encoder.getJsonGeneratorDecorator() != null) {
			decorators.addDecorator(encoder.getJsonGeneratorDecorator());
		}
		decorators.addDecorator(masking);
		encoder.setJsonGeneratorDecorator(decorators);
	}

}
