package dev.errortracking.benchmarks;

import java.util.HashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import net.logstash.logback.mask.ValueMasker;
import org.slf4j.event.KeyValuePair;

import dev.errortracking.logging.CompactThrowableConverter;
import dev.errortracking.logging.ScrubbingJsonGeneratorDecorator;

/**
 * The log lines of the privacy benchmarks and the encoders that write them.
 * <p>
 * Prepared lines are handed out in turn from {@link #LINES}, each with values of its own as the lines of different
 * requests have; only the logger and thread names are shared, as in an application. A fresh INFO line is built for
 * each call, every value a new instance as in an application, where a line's message and MDC values have not been
 * seen before (nor had their identity hash taken).
 */
final class LogLines {

	static final int LINES = 4096;

	private static final String THREAD_NAME = "http-nio-8080-exec-1";

	private final LoggerContext context = new LoggerContext();

	private final Logger logger = this.context.getLogger("com.example.shop.OrderController");

	private final LoggingEvent[] infoLines = new LoggingEvent[LINES];

	private final LoggingEvent[] errorLines = new LoggingEvent[LINES];

	private final String[] suffixes = new String[LINES];

	private int next;

	LogLines() {
		for (int i = 0; i < LINES; i++) {
			this.suffixes[i] = String.format("%08x", i);
			this.infoLines[i] = line(Level.INFO, null, i, "Order {} created with {} items for customer {}", 8812 + i,
					3, "c-" + (5521 + i));
			this.errorLines[i] = line(Level.ERROR, TypicalEvent.FAILURE, i,
					new String("POST /api/orders/{id}/items -> 500 INTERNAL_ERROR"));
		}
	}

	LoggingEvent nextInfoLine() {
		return this.infoLines[this.next++ & (LINES - 1)];
	}

	LoggingEvent nextErrorLine() {
		return this.errorLines[this.next++ & (LINES - 1)];
	}

	LoggingEvent freshInfoLine() {
		int index = this.next++ & (LINES - 1);
		String suffix = this.suffixes[index];
		Map<String, String> mdc = new HashMap<>(8);
		mdc.put("request_id", "0d4c3f5e2b1a4e6f8a7b9c0d".concat(suffix));
		mdc.put("http_route", new String("/api/orders/{id}/items"));
		mdc.put("trace_id", "4bf92f3577b34da6a3ce929d".concat(suffix));
		mdc.put("span_id", "00f067aa".concat(suffix));
		LoggingEvent event = new LoggingEvent(Logger.FQCN, this.logger, Level.INFO,
				"Order {} created with {} items for customer {}", null,
				new Object[] { 8812 + index, 3, "c-".concat(suffix) });
		event.setThreadName(THREAD_NAME);
		event.setMDCPropertyMap(mdc);
		event.addKeyValuePair(new KeyValuePair("error_code", new String("INTERNAL_ERROR")));
		event.addKeyValuePair(new KeyValuePair("http_status", 500));
		return event;
	}

	/** logstash-logback-encoder's own encoder, through its masking decorator with {@code masker} if there is one. */
	LogstashEncoder encoder(ValueMasker masker) {
		LogstashEncoder encoder = newEncoder();
		if (masker != null) {
			MaskingJsonGeneratorDecorator decorator = new MaskingJsonGeneratorDecorator();
			decorator.addValueMasker(masker);
			decorator.start();
			encoder.setJsonGeneratorDecorator(decorator);
		}
		encoder.start();
		return encoder;
	}

	/** logstash-logback-encoder's own encoder through the library's scrubbing generator. */
	LogstashEncoder scrubbingEncoder() {
		LogstashEncoder encoder = newEncoder();
		encoder.setJsonGeneratorDecorator(new ScrubbingJsonGeneratorDecorator());
		encoder.start();
		return encoder;
	}

	/**
	 * An encoder as the library's JSON logging sets it up: compact stack traces, every one in full here, their
	 * messages scrubbed by the converter when the line is scrubbed.
	 */
	LogstashEncoder compactEncoder(boolean scrubbed) {
		LogstashEncoder encoder = newEncoder();
		encoder.setIncludeContext(false);
		CompactThrowableConverter stackTraces = new CompactThrowableConverter();
		stackTraces.setRepeatWindow(ch.qos.logback.core.util.Duration.buildByMilliseconds(0));
		encoder.setThrowableConverter(stackTraces);
		if (scrubbed) {
			stackTraces.setScrubbed(true);
			encoder.setJsonGeneratorDecorator(new ScrubbingJsonGeneratorDecorator());
		}
		encoder.start();
		return encoder;
	}

	void stop() {
		this.context.stop();
	}

	private LogstashEncoder newEncoder() {
		LogstashEncoder encoder = new LogstashEncoder();
		encoder.setContext(this.context);
		return encoder;
	}

	private LoggingEvent line(Level level, Throwable failure, int index, String message, Object... arguments) {
		LoggingEvent event = new LoggingEvent(Logger.FQCN, this.logger, level, message, failure, arguments);
		event.setThreadName(THREAD_NAME);
		String suffix = this.suffixes[index];
		event.setMDCPropertyMap(Map.of("request_id", "0d4c3f5e2b1a4e6f8a7b9c0d" + suffix, "http_route",
				new String("/api/orders/{id}/items"), "trace_id", "4bf92f3577b34da6a3ce929d" + suffix, "span_id",
				"00f067aa" + suffix));
		event.addKeyValuePair(new KeyValuePair("error_code", new String("INTERNAL_ERROR")));
		event.addKeyValuePair(new KeyValuePair("http_status", 500));
		event.getFormattedMessage();
		return event;
	}

}
