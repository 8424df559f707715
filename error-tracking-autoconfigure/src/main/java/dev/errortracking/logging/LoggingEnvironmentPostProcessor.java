package dev.errortracking.logging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.ClassUtils;

/**
 * Chooses the console log format before logging starts, through Spring Boot's own logging properties: JSON
 * lines ({@link LogstashJsonFormatter} as Boot's structured format) when a production-like profile is active or
 * {@code error-tracking.logging.format=json}, else Boot's console pattern with the request id. In both, stack
 * traces are written by {@link CompactThrowableConverter}. Only sets what the application left unset, and never
 * touches an application's own logback configuration file.
 */
public class LoggingEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Runs right after the application's configuration files, so their profiles and properties count. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	/** The name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "errorTrackingLoggingDefaults";

	/** The correlation pattern of the text format: the request id, padded to the width of a UUID. */
	public static final String REQUEST_ID_CORRELATION_PATTERN = "%correlationId{request_id(36)}";

	/**
	 * Hibernate logs every failed statement at WARN and ERROR, values included, before the exception reaches the
	 * library, which logs the failure once itself; an ERROR line would also become a second Sentry event.
	 */
	static final String SQL_EXCEPTION_HELPER_LEVEL = "logging.level.org.hibernate.engine.jdbc.spi.SqlExceptionHelper";

	private static final String EXCEPTION_CONVERSION_WORD = "logging.exception-conversion-word";

	private static final String LOGSTASH_ENCODER = "net.logstash.logback.encoder.LogstashEncoder";

	private static final String BOOT_LOGSTASH_FORMAT = "logstash";

	private static final List<String> DEFAULT_JSON_PROFILES = List.of("prod", "production", "staging");

	private static final List<String> LOGBACK_CONFIG_FILES = List.of("logback-test.groovy", "logback-test.xml",
			"logback.groovy", "logback.xml", "logback-test-spring.groovy", "logback-test-spring.xml",
			"logback-spring.groovy", "logback-spring.xml");

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		if (!isEnabled(binder)) {
			return;
		}
		ClassLoader classLoader = classLoader(application);
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (isLogbackWithLogstashEncoder(classLoader) && StackTraceSettings.isEnabled(binder)) {
			ReadableStackTraces.register(StackTraceSettings.bind(binder));
			defaults.put(EXCEPTION_CONVERSION_WORD, "%" + CompactThrowableConverter.CONVERSION_WORD);
		}
		if (isJson(binder, environment)) {
			String format = isLogbackWithLogstashEncoder(classLoader) ? LogstashJsonFormatter.class.getName()
					: BOOT_LOGSTASH_FORMAT;
			defaults.put("logging.structured.format.console", format);
			defaults.put("logging.structured.format.file", format);
			if (!hasOwnLoggingConfig(environment, classLoader)) {
				defaults.put("spring.main.banner-mode", "off");
			}
		}
		else {
			defaults.put("logging.pattern.correlation", REQUEST_ID_CORRELATION_PATTERN);
			if (isLogback(classLoader) && !hasOwnLoggingConfig(environment, classLoader)) {
				ReadableMessages.register();
			}
		}
		if (binder.bind("error-tracking.response.enabled", Boolean.class).orElse(true)) {
			defaults.put(SQL_EXCEPTION_HELPER_LEVEL, "off");
		}
		defaults.keySet().removeIf(environment::containsProperty);
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
		}
	}

	static boolean isEnabled(Binder binder) {
		return binder.bind("error-tracking.enabled", Boolean.class).orElse(true)
				&& binder.bind("error-tracking.logging.enabled", Boolean.class).orElse(true);
	}

	private boolean isJson(Binder binder, ConfigurableEnvironment environment) {
		LogFormat format = binder.bind("error-tracking.logging.format", LogFormat.class).orElse(LogFormat.AUTO);
		if (format != LogFormat.AUTO) {
			return format == LogFormat.JSON;
		}
		String[] profiles = binder.bind("error-tracking.logging.json-profiles", Bindable.listOf(String.class))
			.orElse(DEFAULT_JSON_PROFILES)
			.stream()
			.filter((profile) -> !profile.isBlank())
			.toArray(String[]::new);
		return profiles.length > 0 && environment.acceptsProfiles(Profiles.of(profiles));
	}

	static boolean isLogback(ClassLoader classLoader) {
		return LoggingSystem.get(classLoader) instanceof LogbackLoggingSystem;
	}

	static boolean isLogbackWithLogstashEncoder(ClassLoader classLoader) {
		return ClassUtils.isPresent(LOGSTASH_ENCODER, classLoader)
				&& LoggingSystem.get(classLoader) instanceof LogbackLoggingSystem;
	}

	static boolean hasOwnLoggingConfig(ConfigurableEnvironment environment, ClassLoader classLoader) {
		return environment.containsProperty("logging.config")
				|| LOGBACK_CONFIG_FILES.stream().anyMatch((name) -> classLoader.getResource(name) != null);
	}

	static ClassLoader classLoader(SpringApplication application) {
		ClassLoader classLoader = (application != null) ? application.getClassLoader() : null;
		return (classLoader != null) ? classLoader : LoggingEnvironmentPostProcessor.class.getClassLoader();
	}

}
