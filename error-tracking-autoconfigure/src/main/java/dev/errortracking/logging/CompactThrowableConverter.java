package dev.errortracking.logging;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;

/**
 * A {@link ShortenedThrowableConverter} that keeps logged stack traces cheap and readable: root cause first,
 * framework frames folded, depth and length bounded, and a stack trace already logged in full within the repeat
 * window written as one short line with a count. The full stack trace still goes to Sentry.
 * <p>
 * Serves the JSON format ({@link LogstashJsonEncoder}) and, as the conversion word
 * {@value #CONVERSION_WORD}, the readable one. In a logback XML pattern:
 * {@code <conversionRule conversionWord="etEx" converterClass="dev.errortracking.logging.CompactThrowableConverter"/>}.
 */
public class CompactThrowableConverter extends ShortenedThrowableConverter {

	/** The conversion word the library registers for readable log lines. */
	public static final String CONVERSION_WORD = "etEx";

	/**
	 * Frames of the servlet container, Spring MVC dispatch, Spring Security's and this library's filters, proxies
	 * and reflection: one pattern, so that each frame is matched once.
	 */
	static final String FRAMEWORK_FRAMES = "^(?:jdk\\.internal\\.|java\\.lang\\.reflect\\.|java\\.lang\\.Thread\\.run"
			+ "|org\\.apache\\.catalina\\.|org\\.apache\\.coyote\\.|org\\.apache\\.tomcat\\.|org\\.eclipse\\.jetty\\."
			+ "|io\\.undertow\\.|jakarta\\.servlet\\.|org\\.springframework\\.aop\\.|org\\.springframework\\.cglib\\."
			+ "|org\\.springframework\\.web\\.filter\\.|org\\.springframework\\.web\\.servlet\\."
			+ "|org\\.springframework\\.web\\.method\\.|org\\.springframework\\.security\\.web\\."
			+ "|org\\.springframework\\.security\\.config\\.annotation\\.web\\.configuration\\."
			+ "|dev\\.errortracking\\.web\\.ErrorHandlingFilter\\.|dev\\.errortracking\\.context\\.Request\\w+Filter\\."
			+ "|org\\.springframework\\.boot\\.actuate\\.|org\\.springframework\\.transaction\\.interceptor\\."
			+ "|io\\.sentry\\.spring\\.|io\\.micrometer\\.observation\\.)|\\$\\$SpringCGLIB\\$\\$";

	/**
	 * Only traces at least this long are handed over, so that the short values of every other field skip the
	 * look-up; a shorter trace is scrubbed again as text.
	 */
	private static final int MIN_HANDED_OVER_LENGTH = 256;

	/** The last stack trace this thread's converters scrubbed, so that a scrubbing JSON generator need not again. */
	private static final ThreadLocal<String> lastScrubbed = new ThreadLocal<>();

	private final RepeatedStackTraces repeats = new RepeatedStackTraces();

	private Duration repeatWindow = StackTraceSettings.DEFAULTS.repeatWindow();

	private boolean leadingLineSeparator;

	private boolean scrubbed;

	private boolean handsOverScrubbedOutput = true;

	/** A converter with the library's defaults. */
	public CompactThrowableConverter() {
		this(StackTraceSettings.DEFAULTS);
	}

	CompactThrowableConverter(StackTraceSettings settings) {
		setRootCauseFirst(true);
		setMaxDepthPerThrowable(settings.maxDepth());
		setMaxLength(settings.maxLength());
		setExcludes(settings.foldFrameworkFrames() ? List.of(FRAMEWORK_FRAMES) : List.of());
		this.repeatWindow = settings.repeatWindow();
	}

	/**
	 * Set how long after a stack trace was logged in full the same stack trace is logged in short form, such as
	 * {@code 10 seconds}; zero logs every stack trace in full.
	 */
	public void setRepeatWindow(ch.qos.logback.core.util.Duration repeatWindow) {
		this.repeatWindow = Duration.ofMillis(repeatWindow.getMilliseconds());
	}

	/** Set whether a line break precedes the stack trace, as in Spring Boot's readable console pattern. */
	public void setLeadingLineSeparator(boolean leadingLineSeparator) {
		this.leadingLineSeparator = leadingLineSeparator;
	}

	/**
	 * Set whether secrets and personal data are removed from the messages of the stack trace with the privacy rules
	 * ({@link LogScrubber}); the frames hold code, not data.
	 */
	public void setScrubbed(boolean scrubbed) {
		this.scrubbed = scrubbed;
	}

	@Override
	public String convert(ILoggingEvent event) {
		IThrowableProxy proxy = event.getThrowableProxy();
		if (proxy == null) {
			return "";
		}
		String text;
		if (this.scrubbed) {
			IThrowableProxy scrubbedProxy = ScrubbedThrowableProxy.of(proxy, LogScrubber.get());
			text = compact(new EventWithThrowable(event, scrubbedProxy), proxy, scrubbedProxy);
			if (this.handsOverScrubbedOutput && text.length() >= MIN_HANDED_OVER_LENGTH) {
				lastScrubbed.set(text);
			}
		}
		else {
			text = compact(event, proxy, proxy);
		}
		return (this.leadingLineSeparator && !text.isEmpty()) ? getLineSeparator() + text : text;
	}

	/**
	 * Set whether a scrubbed stack trace is remembered for {@link #isScrubbedOutput(String)}; readable layouts, where
	 * no JSON generator asks, do not keep it.
	 */
	void setHandsOverScrubbedOutput(boolean handsOverScrubbedOutput) {
		this.handsOverScrubbedOutput = handsOverScrubbedOutput;
	}

	/**
	 * Whether {@code text} is the stack trace that a scrubbing converter wrote last on this thread, the same
	 * instance; asking forgets it.
	 */
	static boolean isScrubbedOutput(String text) {
		if (text.length() < MIN_HANDED_OVER_LENGTH || text != lastScrubbed.get()) {
			return false;
		}
		lastScrubbed.remove();
		return true;
	}

	private String compact(ILoggingEvent event, IThrowableProxy proxy, IThrowableProxy shown) {
		if (this.repeatWindow.isZero() || this.repeatWindow.isNegative()) {
			return super.convert(event);
		}
		RepeatedStackTraces.Repeat repeat = this.repeats.record(proxy, event.getTimeStamp(), this.repeatWindow);
		if (repeat == null) {
			return super.convert(event);
		}
		String message = shown.getMessage();
		String firstLine = (message != null) ? proxy.getClassName() + ": " + oneLine(message) : proxy.getClassName();
		return firstLine + " [same stack trace as "
				+ ago(repeat.sinceFullMillis()) + " ago, " + repeat.count() + ((repeat.count() == 1) ? " time" : " times")
				+ " since]" + getLineSeparator();
	}

	private static String oneLine(String message) {
		String line = (message.length() > 500) ? message.substring(0, 500) + "..." : message;
		return line.replace('\r', ' ').replace('\n', ' ');
	}

	private static String ago(long millis) {
		return (millis < 1000) ? millis + " ms" : (millis / 1000) + " s";
	}

}
