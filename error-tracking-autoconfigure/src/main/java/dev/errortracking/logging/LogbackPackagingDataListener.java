package dev.errortracking.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Switches off logback's packaging data (jar and version after each stack frame) right after Spring Boot's default
 * logging configuration has switched it on: it costs class and manifest look-ups for every frame of every logged
 * stack trace, which in an error storm is most of the cost of logging. An application's own logback
 * configuration is left alone, and so is everything when {@code error-tracking.logging.stack-trace.jar-versions}
 * is true or the library does not shorten stack traces.
 */
public class LogbackPackagingDataListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		Binder binder = Binder.get(environment);
		ClassLoader classLoader = LoggingEnvironmentPostProcessor.classLoader(event.getSpringApplication());
		if (!LoggingEnvironmentPostProcessor.isEnabled(binder) || !StackTraceSettings.isEnabled(binder)
				|| binder.bind(StackTraceSettings.PREFIX + ".jar-versions", Boolean.class).orElse(false)
				|| !LoggingEnvironmentPostProcessor.isLogbackWithLogstashEncoder(classLoader)
				|| LoggingEnvironmentPostProcessor.hasOwnLoggingConfig(environment, classLoader)) {
			return;
		}
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			context.setPackagingDataEnabled(false);
		}
	}

}
