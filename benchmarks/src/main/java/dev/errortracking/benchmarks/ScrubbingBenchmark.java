package dev.errortracking.benchmarks;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.JsonSerializer;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import net.logstash.logback.mask.ValueMasker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.event.KeyValuePair;

import dev.errortracking.logging.CompactThrowableConverter;
import dev.errortracking.logging.ScrubbingJsonGeneratorDecorator;
import dev.errortracking.logging.ScrubbingValueMasker;
import dev.errortracking.privacy.PrivacyScrubber;
import dev.errortracking.sentry.ScrubbingBeforeBreadcrumbCallback;
import dev.errortracking.sentry.ScrubbingBeforeSendCallback;

/**
 * Time per Sentry event and per JSON log line with privacy scrubbing on, against the same work with it off.
 * <p>
 * An event is built as the SDK has it when the before-send callback runs, then serialized as the SDK does before
 * sending it; the scrubbed variants add the callback in between. The {@code event} pair takes new breadcrumbs that no
 * callback has seen. {@code event_passThrough} runs the callback with a scrubber that has no rules and so reads no
 * text: what remains is the walk over the event and the copies it makes. {@code event_recordedAndScrubbed} is a
 * failing request's whole share against the same baseline: its five breadcrumbs are recorded through the breadcrumb
 * callback before the event carrying them is built and scrubbed, as in an application. The {@code breadcrumbs} pair is what a request that does not fail pays:
 * creating its five breadcrumbs, then creating and recording them. A log line is encoded by logstash-logback-encoder
 * without masking, with the masking decorator and a masker that masks nothing (the decorator's own cost), with the
 * scrubbing masker, and with the library's own scrubbing decorator (what its JSON logging uses).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class ScrubbingBenchmark {

	/**
	 * Lines encoded in turn, each with values of its own as the lines of different requests have; only the logger and
	 * thread names are shared, as in an application.
	 */
	private static final int LINES = 4096;

	private static final String THREAD_NAME = "http-nio-8080-exec-1";

	private final JsonSerializer serializer = new JsonSerializer(new SentryOptions());

	private final PrivacyScrubber scrubber = PrivacyScrubber.defaults();

	private final ScrubbingBeforeSendCallback beforeSend = new ScrubbingBeforeSendCallback(this.scrubber);

	private final ScrubbingBeforeSendCallback passThroughBeforeSend = new ScrubbingBeforeSendCallback(
			PrivacyScrubber.passThrough());

	private final ScrubbingBeforeBreadcrumbCallback beforeBreadcrumb = new ScrubbingBeforeBreadcrumbCallback(
			this.scrubber);

	private LoggerContext loggerContext;

	private LogstashEncoder plainEncoder;

	private LogstashEncoder maskingEncoder;

	private LogstashEncoder noOpMaskingEncoder;

	private LogstashEncoder scrubbingEncoder;

	private LogstashEncoder compactEncoder;

	private LogstashEncoder compactScrubbingEncoder;

	private final LoggingEvent[] infoLines = new LoggingEvent[LINES];

	private final LoggingEvent[] errorLines = new LoggingEvent[LINES];

	private final String[] suffixes = new String[LINES];

	private Logger logger;

	private int next;

	@Setup
	public void setUp() {
		this.loggerContext = new LoggerContext();
		this.plainEncoder = encoder(null);
		this.maskingEncoder = encoder(new ScrubbingValueMasker());
		this.noOpMaskingEncoder = encoder((context, value) -> null);
		this.scrubbingEncoder = encoder(null);
		this.scrubbingEncoder.stop();
		this.scrubbingEncoder.setJsonGeneratorDecorator(new ScrubbingJsonGeneratorDecorator());
		this.scrubbingEncoder.start();
		this.compactEncoder = compactEncoder(false);
		this.compactScrubbingEncoder = compactEncoder(true);
		Logger logger = this.loggerContext.getLogger("com.example.shop.OrderController");
		this.logger = logger;
		for (int i = 0; i < LINES; i++) {
			this.suffixes[i] = String.format("%08x", i);
			this.infoLines[i] = line(logger, Level.INFO, null, i, "Order {} created with {} items for customer {}",
					8812 + i, 3, "c-" + (5521 + i));
			this.errorLines[i] = line(logger, Level.ERROR, TypicalEvent.FAILURE, i,
					new String("POST /api/orders/{id}/items -> 500 INTERNAL_ERROR"));
		}
	}

	@TearDown
	public void tearDown() {
		this.loggerContext.stop();
	}

	@Benchmark
	public byte[] event_baseline() {
		return serialize(TypicalEvent.create());
	}

	@Benchmark
	public byte[] event_scrubbed() {
		return serialize(this.beforeSend.execute(TypicalEvent.create(), new Hint()));
	}

	@Benchmark
	public byte[] event_passThrough() {
		return serialize(this.passThroughBeforeSend.execute(TypicalEvent.create(), new Hint()));
	}

	@Benchmark
	public byte[] event_recordedAndScrubbed() {
		return serialize(this.beforeSend.execute(TypicalEvent.create(recordedBreadcrumbs()), new Hint()));
	}

	@Benchmark
	public List<Breadcrumb> breadcrumbs_baseline() {
		return TypicalEvent.breadcrumbs();
	}

	@Benchmark
	public List<Breadcrumb> breadcrumbs_recorded() {
		return recordedBreadcrumbs();
	}

	@Benchmark
	public byte[] infoLine_baseline() {
		return this.plainEncoder.encode(nextInfoLine());
	}

	@Benchmark
	public byte[] infoLine_masked() {
		return this.maskingEncoder.encode(nextInfoLine());
	}

	@Benchmark
	public byte[] infoLine_noOpMasker() {
		return this.noOpMaskingEncoder.encode(nextInfoLine());
	}

	@Benchmark
	public byte[] infoLine_scrubbed() {
		return this.scrubbingEncoder.encode(nextInfoLine());
	}

	@Benchmark
	public byte[] infoLine_freshBaseline() {
		return this.plainEncoder.encode(freshInfoLine());
	}

	@Benchmark
	public byte[] infoLine_freshScrubbed() {
		return this.scrubbingEncoder.encode(freshInfoLine());
	}

	@Benchmark
	public byte[] errorLine_baseline() {
		return this.plainEncoder.encode(nextErrorLine());
	}

	@Benchmark
	public byte[] errorLine_masked() {
		return this.maskingEncoder.encode(nextErrorLine());
	}

	@Benchmark
	public byte[] errorLine_noOpMasker() {
		return this.noOpMaskingEncoder.encode(nextErrorLine());
	}

	@Benchmark
	public byte[] errorLine_scrubbed() {
		return this.scrubbingEncoder.encode(nextErrorLine());
	}

	@Benchmark
	public byte[] errorLine_compactBaseline() {
		return this.compactEncoder.encode(nextErrorLine());
	}

	@Benchmark
	public byte[] errorLine_compactScrubbed() {
		return this.compactScrubbingEncoder.encode(nextErrorLine());
	}

	private List<Breadcrumb> recordedBreadcrumbs() {
		List<Breadcrumb> breadcrumbs = TypicalEvent.breadcrumbs();
		breadcrumbs.replaceAll((breadcrumb) -> this.beforeBreadcrumb.execute(breadcrumb, new Hint()));
		return breadcrumbs;
	}

	private LoggingEvent nextInfoLine() {
		return this.infoLines[this.next++ & (LINES - 1)];
	}

	/**
	 * An INFO line built for this operation, every value a new instance as in an application, where a line's
	 * message and MDC values have not been seen before (nor had their identity hash taken).
	 */
	private LoggingEvent freshInfoLine() {
		int index = this.next++ & (LINES - 1);
		String suffix = this.suffixes[index];
		Map<String, String> mdc = new HashMap<>(8);
		mdc.put("request_id", "0d4c3f5e2b1a4e6f8a7b9c0d".concat(suffix));
		mdc.put("http_route", new String("/api/orders/{id}/items"));
		mdc.put("trace_id", "4bf92f3577b34da6a3ce929d".concat(suffix));
		mdc.put("span_id", "00f067aa".concat(suffix));
		LoggingEvent event = new LoggingEvent(Logger.FQCN, this.logger, Level.INFO,
				"Order {} created with {} items for customer {}",
				null, new Object[] { 8812 + index, 3, "c-".concat(suffix) });
		event.setThreadName(THREAD_NAME);
		event.setMDCPropertyMap(mdc);
		event.addKeyValuePair(new KeyValuePair("error_code", new String("INTERNAL_ERROR")));
		event.addKeyValuePair(new KeyValuePair("http_status", 500));
		return event;
	}

	private LoggingEvent nextErrorLine() {
		return this.errorLines[this.next++ & (LINES - 1)];
	}

	/**
	 * An encoder as the library's JSON logging sets it up: compact stack traces, every one in full here, their
	 * messages scrubbed by the converter when the line is scrubbed.
	 */
	private LogstashEncoder compactEncoder(boolean scrubbed) {
		LogstashEncoder encoder = new LogstashEncoder();
		encoder.setContext(this.loggerContext);
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

	/** Serialize as the SDK does when it puts an event into an envelope. */
	private byte[] serialize(SentryEvent event) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
		try (Writer writer = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
			this.serializer.serialize(event, writer);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	private LogstashEncoder encoder(ValueMasker masker) {
		LogstashEncoder encoder = new LogstashEncoder();
		encoder.setContext(this.loggerContext);
		if (masker != null) {
			MaskingJsonGeneratorDecorator decorator = new MaskingJsonGeneratorDecorator();
			decorator.addValueMasker(masker);
			decorator.start();
			encoder.setJsonGeneratorDecorator(decorator);
		}
		encoder.start();
		return encoder;
	}

	private static LoggingEvent line(Logger logger, Level level, Throwable failure, int index, String message,
			Object... arguments) {
		LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, level, message, failure, arguments);
		event.setThreadName(THREAD_NAME);
		String suffix = String.format("%08x", index);
		event.setMDCPropertyMap(Map.of("request_id", "0d4c3f5e2b1a4e6f8a7b9c0d" + suffix, "http_route",
				new String("/api/orders/{id}/items"), "trace_id", "4bf92f3577b34da6a3ce929d" + suffix, "span_id",
				"00f067aa" + suffix));
		event.addKeyValuePair(new KeyValuePair("error_code", new String("INTERNAL_ERROR")));
		event.addKeyValuePair(new KeyValuePair("http_status", 500));
		event.getFormattedMessage();
		return event;
	}

}
