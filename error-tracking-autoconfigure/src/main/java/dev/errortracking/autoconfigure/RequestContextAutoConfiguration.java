package dev.errortracking.autoconfigure;

import jakarta.servlet.DispatcherType;

import dev.errortracking.context.RequestIdFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auto-configuration of the request context: the request id filter.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
@ConditionalOnBooleanProperty(name = "error-tracking.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ErrorTrackingProperties.class)
public class RequestContextAutoConfiguration {

	/** Order of the request id filter: right after Sentry's filters, before error handling. */
	public static final int REQUEST_ID_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Bean
	@ConditionalOnMissingFilterBean(RequestIdFilter.class)
	@ConditionalOnBooleanProperty(name = "error-tracking.request-id.enabled", matchIfMissing = true)
	FilterRegistrationBean<RequestIdFilter> requestIdFilter(ErrorTrackingProperties properties) {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
				new RequestIdFilter(properties.getRequestId().getHeader()));
		registration.setOrder(REQUEST_ID_FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
