package dev.errortracking.logging;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * Spring Boot structured logging format that writes each event with a {@link LogstashJsonEncoder}: set
 * {@code logging.structured.format.console} to this class name to get logstash-logback-encoder's JSON lines
 * from Boot's own console and file appenders.
 */
public class LogstashJsonFormatter implements StructuredLogFormatter<ILoggingEvent> {

	private final LogstashJsonEncoder encoder;

	public LogstashJsonFormatter() {
		this(StackTraceSettings.DEFAULTS);
	}

	/** A formatter with the stack trace settings of {@code environment}, as Spring Boot creates it. */
	public LogstashJsonFormatter(Environment environment) {
		this(StackTraceSettings.bind(Binder.get(environment)));
	}

	private LogstashJsonFormatter(StackTraceSettings stackTraces) {
		this.encoder = new LogstashJsonEncoder(stackTraces);
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (factory instanceof LoggerContext context) {
			this.encoder.setContext(context);
		}
		this.encoder.start();
	}

	@Override
	public String format(ILoggingEvent event) {
		return new String(this.encoder.encode(event), StandardCharsets.UTF_8);
	}

	@Override
	public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
		byte[] json = this.encoder.encode(event);
		return StandardCharsets.UTF_8.equals(charset) ? json : new String(json, StandardCharsets.UTF_8).getBytes(charset);
	}

}
