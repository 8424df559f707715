package dev.errortracking.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import net.logstash.logback.encoder.LogstashEncoder;
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

	private final PrivacyScrubber scrubber = PrivacyScrubber.defaults();

	private final ScrubbingBeforeSendCallback beforeSend = new ScrubbingBeforeSendCallback(this.scrubber);

	private final ScrubbingBeforeSendCallback passThroughBeforeSend = new ScrubbingBeforeSendCallback(
			PrivacyScrubber.passThrough());

	private final ScrubbingBeforeBreadcrumbCallback beforeBreadcrumb = new ScrubbingBeforeBreadcrumbCallback(
			this.scrubber);

	private LogLines lines;

	private LogstashEncoder plainEncoder;

	private LogstashEncoder maskingEncoder;

	private LogstashEncoder noOpMaskingEncoder;

	private LogstashEncoder scrubbingEncoder;

	private LogstashEncoder compactEncoder;

	private LogstashEncoder compactScrubbingEncoder;

	@Setup
	public void setUp() {
		this.lines = new LogLines();
		this.plainEncoder = this.lines.encoder(null);
		this.maskingEncoder = this.lines.encoder(new ScrubbingValueMasker());
		this.noOpMaskingEncoder = this.lines.encoder((context, value) -> null);
		this.scrubbingEncoder = this.lines.scrubbingEncoder();
		this.compactEncoder = this.lines.compactEncoder(false);
		this.compactScrubbingEncoder = this.lines.compactEncoder(true);
	}

	@TearDown
	public void tearDown() {
		this.lines.stop();
	}

	@Benchmark
	public byte[] event_baseline() {
		return TypicalEvent.serialize(TypicalEvent.create());
	}

	@Benchmark
	public byte[] event_scrubbed() {
		return TypicalEvent.serialize(this.beforeSend.execute(TypicalEvent.create(), new Hint()));
	}

	@Benchmark
	public byte[] event_passThrough() {
		return TypicalEvent.serialize(this.passThroughBeforeSend.execute(TypicalEvent.create(), new Hint()));
	}

	@Benchmark
	public byte[] event_recordedAndScrubbed() {
		return TypicalEvent.serialize(this.beforeSend.execute(TypicalEvent.create(recordedBreadcrumbs()), new Hint()));
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
		return this.plainEncoder.encode(this.lines.nextInfoLine());
	}

	@Benchmark
	public byte[] infoLine_masked() {
		return this.maskingEncoder.encode(this.lines.nextInfoLine());
	}

	@Benchmark
	public byte[] infoLine_noOpMasker() {
		return this.noOpMaskingEncoder.encode(this.lines.nextInfoLine());
	}

	@Benchmark
	public byte[] infoLine_scrubbed() {
		return this.scrubbingEncoder.encode(this.lines.nextInfoLine());
	}

	@Benchmark
	public byte[] infoLine_freshBaseline() {
		return this.plainEncoder.encode(this.lines.freshInfoLine());
	}

	@Benchmark
	public byte[] infoLine_freshScrubbed() {
		return this.scrubbingEncoder.encode(this.lines.freshInfoLine());
	}

	@Benchmark
	public byte[] errorLine_baseline() {
		return this.plainEncoder.encode(this.lines.nextErrorLine());
	}

	@Benchmark
	public byte[] errorLine_masked() {
		return this.maskingEncoder.encode(this.lines.nextErrorLine());
	}

	@Benchmark
	public byte[] errorLine_noOpMasker() {
		return this.noOpMaskingEncoder.encode(this.lines.nextErrorLine());
	}

	@Benchmark
	public byte[] errorLine_scrubbed() {
		return this.scrubbingEncoder.encode(this.lines.nextErrorLine());
	}

	@Benchmark
	public byte[] errorLine_compactBaseline() {
		return this.compactEncoder.encode(this.lines.nextErrorLine());
	}

	@Benchmark
	public byte[] errorLine_compactScrubbed() {
		return this.compactScrubbingEncoder.encode(this.lines.nextErrorLine());
	}

	private List<Breadcrumb> recordedBreadcrumbs() {
		List<Breadcrumb> breadcrumbs = TypicalEvent.breadcrumbs();
		breadcrumbs.replaceAll((breadcrumb) -> this.beforeBreadcrumb.execute(breadcrumb, new Hint()));
		return breadcrumbs;
	}

}
