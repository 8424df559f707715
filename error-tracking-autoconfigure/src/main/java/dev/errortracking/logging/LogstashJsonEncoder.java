package dev.errortracking.logging;

import java.util.List;

import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;

import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * A {@link LogstashEncoder} with this library's defaults: no logback context properties, compact stack traces
 * (root cause first, framework frames folded, bounded depth and length) and every registered
 * {@link LogstashEncoderCustomizer} applied. Properties set in logback XML still override the defaults.
 */
public class LogstashJsonEncoder extends LogstashEncoder {

	/** Stack frames per throwable before the rest is cut. */
	public static final int MAX_DEPTH_PER_THROWABLE = 40;

	/** Characters of a stack trace before the rest is cut. */
	public static final int MAX_STACK_TRACE_LENGTH = 12_000;

	private static final List<String> FRAMEWORK_FRAMES = List.of("^jdk\\.internal\\.", "^java\\.lang\\.reflect\\.",
			"^java\\.lang\\.Thread\\.run", "^org\\.apache\\.catalina\\.",
			"^org\\.apache\\.coyote\\.", "^org\\.apache\\.tomcat\\.", "^org\\.eclipse\\.jetty\\.", "^io\\.undertow\\.",
			"^jakarta\\.servlet\\.", "^org\\.springframework\\.aop\\.", "^org\\.springframework\\.cglib\\.",
			"^org\\.springframework\\.web\\.filter\\.", "^org\\.springframework\\.web\\.servlet\\.",
			"^org\\.springframework\\.web\\.method\\.", "^org\\.springframework\\.security\\.web\\.",
			"^org\\.springframework\\.security\\.config\\.annotation\\.web\\.configuration\\.",
			"^dev\\.errortracking\\.web\\.ErrorHandlingFilter\\.", "^dev\\.errortracking\\.context\\.Request\\w+Filter\\.",
			"^org\\.springframework\\.boot\\.actuate\\.", "^org\\.springframework\\.transaction\\.interceptor\\.",
			"^io\\.sentry\\.spring\\.", "^io\\.micrometer\\.observation\\.", "\\$\\$SpringCGLIB\\$\\$");

	private boolean customized;

	public LogstashJsonEncoder() {
		setIncludeContext(false);
		setThrowableConverter(compactStackTraces());
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

	private static ShortenedThrowableConverter compactStackTraces() {
		ShortenedThrowableConverter converter = new ShortenedThrowableConverter();
		converter.setRootCauseFirst(true);
		converter.setMaxDepthPerThrowable(MAX_DEPTH_PER_THROWABLE);
		converter.setMaxLength(MAX_STACK_TRACE_LENGTH);
		converter.setExcludes(FRAMEWORK_FRAMES);
		return converter;
	}

}
