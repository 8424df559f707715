package dev.errortracking.autoconfigure;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.sentry.EventProcessor;
import io.sentry.spring.jakarta.SentryTaskDecorator;
import io.sentry.spring.jakarta.SentryUserProvider;
import jakarta.servlet.DispatcherType;

import dev.errortracking.context.HttpRouteMdcInterceptor;
import dev.errortracking.context.MdcTaskDecorator;
import dev.errortracking.context.RequestContextEventProcessor;
import dev.errortracking.context.RequestIdFilter;
import dev.errortracking.context.RequestUserFilter;
import dev.errortracking.context.RequestUserResolver;
import dev.errortracking.context.RequestUserSentryUserProvider;
import dev.errortracking.context.SentryTraceIdResolver;
import dev.errortracking.context.SpringSecurityRequestUserResolver;
import dev.errortracking.context.TraceIdResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration of the request context: request id, trace id, method, route and user in the MDC for the
 * whole request, carried to async tasks and added to Sentry events.
 */
@AutoConfiguration(before = TaskExecutionAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
@ConditionalOnBooleanProperty(name = "error-tracking.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ErrorTrackingProperties.class)
public class RequestContextAutoConfiguration {

	/** Order of the request id filter: right after Sentry's filters, before error handling. */
	public static final int REQUEST_ID_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private static final String SECURITY_FILTER_ORDER_PROPERTY = "spring.security.filter.order";

	private static final int DEFAULT_SECURITY_FILTER_ORDER = -100;

	@Bean
	@ConditionalOnMissingBean
	TraceIdResolver traceIdResolver() {
		return TraceIdResolver.traceparent();
	}

	@Bean
	@ConditionalOnMissingFilterBean(RequestIdFilter.class)
	@ConditionalOnBooleanProperty(name = "error-tracking.request-id.enabled", matchIfMissing = true)
	FilterRegistrationBean<RequestIdFilter> requestIdFilter(ErrorTrackingProperties properties,
			TraceIdResolver traceIdResolver) {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
				new RequestIdFilter(properties.getRequestId().getHeader(), traceIdResolver));
		registration.setOrder(REQUEST_ID_FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	@ConditionalOnBean(RequestUserResolver.class)
	@ConditionalOnMissingFilterBean(RequestUserFilter.class)
	@ConditionalOnBooleanProperty(name = "error-tracking.user.enabled", matchIfMissing = true)
	FilterRegistrationBean<RequestUserFilter> requestUserFilter(RequestUserResolver resolver,
			Environment environment) {
		FilterRegistrationBean<RequestUserFilter> registration = new FilterRegistrationBean<>(
				new RequestUserFilter(resolver));
		registration.setOrder(
				environment.getProperty(SECURITY_FILTER_ORDER_PROPERTY, Integer.class, DEFAULT_SECURITY_FILTER_ORDER)
						+ 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.sentry.Sentry")
	@Conditional(OnSentryDsnCondition.class)
	static class SentryTraceIdConfiguration {

		@Bean
		@ConditionalOnMissingBean(TraceIdResolver.class)
		SentryTraceIdResolver sentryTraceIdResolver() {
			return new SentryTraceIdResolver(TraceIdResolver.traceparent());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DispatcherServlet.class)
	@ConditionalOnBooleanProperty(name = "error-tracking.request-id.enabled", matchIfMissing = true)
	static class HttpRouteConfiguration {

		@Bean
		WebMvcConfigurer httpRouteMdcConfigurer() {
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(new HttpRouteMdcInterceptor()).order(Ordered.HIGHEST_PRECEDENCE);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
	static class SpringSecurityUserConfiguration {

		@Bean
		@ConditionalOnMissingBean(RequestUserResolver.class)
		SpringSecurityRequestUserResolver springSecurityRequestUserResolver() {
			return new SpringSecurityRequestUserResolver();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "error-tracking.context.propagate-to-tasks", matchIfMissing = true)
	static class TaskDecoratorConfiguration {

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(SentryTaskDecorator.class)
		@Conditional(OnSentryDsnCondition.class)
		static class SentryTaskDecoratorConfiguration {

			@Bean
			@ConditionalOnMissingBean(TaskDecorator.class)
			TaskDecorator requestContextTaskDecorator() {
				return new CompositeTaskDecorator(List.of(new MdcTaskDecorator(), new SentryTaskDecorator()));
			}

		}

		@Bean
		@ConditionalOnMissingBean(TaskDecorator.class)
		MdcTaskDecorator requestContextTaskDecorator() {
			return new MdcTaskDecorator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ EventProcessor.class, SentryUserProvider.class })
	@Conditional(OnSentryDsnCondition.class)
	static class SentryContextConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "error-tracking.context.sentry-tags", matchIfMissing = true)
		RequestContextEventProcessor requestContextEventProcessor() {
			return new RequestContextEventProcessor();
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "error-tracking.user.enabled", matchIfMissing = true)
		RequestUserSentryUserProvider requestUserSentryUserProvider(ObjectProvider<RequestUserResolver> resolver,
				ErrorTrackingProperties properties) {
			ErrorTrackingProperties.UserSettings user = properties.getUser();
			Supplier<Optional<RequestUserResolver>> available = SingletonSupplier
				.of(() -> Optional.ofNullable(resolver.getIfAvailable()));
			RequestUserResolver lazyResolver = (request) -> available.get()
				.map((found) -> found.resolve(request))
				.orElse(null);
			return new RequestUserSentryUserProvider(lazyResolver, user.isIncludeUsername(), user.isIncludeEmail(),
					user.isIncludeIpAddress());
		}

	}

}
