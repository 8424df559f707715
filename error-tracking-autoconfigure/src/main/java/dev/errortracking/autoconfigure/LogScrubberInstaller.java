package dev.errortracking.autoconfigure;

import dev.errortracking.logging.LogScrubber;
import dev.errortracking.privacy.PrivacyScrubber;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Hands the configured scrubber to logback's maskers and converters while the application context runs.
 */
class LogScrubberInstaller implements InitializingBean, DisposableBean {

	private final PrivacyScrubber scrubber;

	LogScrubberInstaller(PrivacyScrubber scrubber) {
		this.scrubber = scrubber;
	}

	@Override
	public void afterPropertiesSet() {
		LogScrubber.install(this.scrubber);
	}

	@Override
	public void destroy() {
		LogScrubber.uninstall(this.scrubber);
	}

}
