package dev.errortracking.logging;

import net.logstash.logback.encoder.LogstashEncoder;

import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * A {@link LogstashEncoder} with this library's defaults: no logback context properties, compact stack traces
 * ({@link CompactThrowableConverter}) and every registered {@link LogstashEncoderCustomizer} applied. Properties set in logback XML still override the defaults.
 */
public class LogstashJsonEncoder extends LogstashEncoder {

	private boolean customized;

	public LogstashJsonEncoder() {
		this(StackTraceSettings.DEFAULTS);
	}

	LogstashJsonEncoder(StackTraceSettings stackTraces) {
		setIncludeContext(false);
		CompactThrowableConverter throwableConverter = new CompactThrowableConverter(stackTraces);
		throwableConverter.setScrubbed(true);
		setThrowableConverter(throwableConverter);
	}

	@Override
	public void start() {
		if (!this.customized) {
			this.customized = true;
			SpringFactoriesLoader.forDefaultResourceLocation(LogstashJsonEncoder.class.getClassLoader())
				.load(LogstashEncoderCustomizer.class)
				.forEach((customizer) -> customizer.customize(this));
		}
		super.start();
	}

}
