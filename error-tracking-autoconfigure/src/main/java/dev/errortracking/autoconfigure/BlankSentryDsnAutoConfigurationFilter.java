package dev.errortracking.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Excludes Sentry's own auto-configurations when {@code sentry.dsn} is set but blank, as
 * {@code sentry.dsn: ${SENTRY_DSN:}} leaves it without the variable: such a DSN only disables Sentry's SDK, while its
 * filters, aspects and log appender would still be set up and run for every request and log line. Sentry's external
 * configuration, which may still supply a DSN, leaves them in place.
 */
class BlankSentryDsnAutoConfigurationFilter
		implements AutoConfigurationImportFilter, EnvironmentAware, BeanFactoryAware {

	private static final String SWITCH = "error-tracking.sentry.exclude-when-dsn-blank";

	private static final String SENTRY_AUTO_CONFIGURATIONS = "io.sentry.spring.boot.jakarta.";

	private static final Log logger = LogFactory.getLog(BlankSentryDsnAutoConfigurationFilter.class);

	private Environment environment;

	private BeanFactory beanFactory;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		Arrays.fill(matches, true);
		if (!excludesSentry()) {
			return matches;
		}
		List<String> excluded = new ArrayList<>();
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String candidate = autoConfigurationClasses[i];
			if (candidate != null && candidate.startsWith(SENTRY_AUTO_CONFIGURATIONS)) {
				matches[i] = false;
				excluded.add(candidate);
			}
		}
		if (!excluded.isEmpty()) {
			record(excluded);
		}
		return matches;
	}

	private boolean excludesSentry() {
		String dsn = this.environment.getProperty("sentry.dsn");
		return dsn != null && !StringUtils.hasText(dsn)
				&& !this.environment.getProperty("sentry.enable-external-configuration", Boolean.class, false)
				&& this.environment.getProperty("error-tracking.enabled", Boolean.class, true)
				&& this.environment.getProperty(SWITCH, Boolean.class, true);
	}

	private void record(List<String> excluded) {
		if (this.beanFactory instanceof ConfigurableListableBeanFactory listable) {
			ConditionEvaluationReport.get(listable).recordExclusions(excluded);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("sentry.dsn is blank, so Sentry stays off: excluding " + excluded + " (" + SWITCH + ")");
		}
	}

}
