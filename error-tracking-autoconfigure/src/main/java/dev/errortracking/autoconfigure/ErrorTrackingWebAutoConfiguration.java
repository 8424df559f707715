package dev.errortracking.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.validation.ConstraintViolationException;
import org.apache.catalina.Host;

import dev.errortracking.context.RequestUserResolver;
import dev.errortracking.web.ApplicationExceptionMapper;
import dev.errortracking.web.ConstraintViolationErrorMapper;
import dev.errortracking.web.DataAccessErrorMapper;
import dev.errortracking.web.ErrorBodyCustomizer;
import dev.errortracking.web.ErrorClassifier;
import dev.errortracking.web.ErrorHandlingFilter;
import dev.errortracking.web.ErrorLogger;
import dev.errortracking.web.ErrorMapper;
import dev.errortracking.web.ErrorReporter;
import dev.errortracking.web.ErrorResponseHandler;
import dev.errortracking.web.ErrorResponseWriter;
import dev.errortracking.web.ErrorTrackingErrorController;
import dev.errortracking.web.ErrorTrackingExceptionResolver;
import dev.errortracking.web.SecurityErrorMapper;
import dev.errortracking.web.SpringMvcErrorMapper;
import dev.errortracking.web.TomcatErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Auto-configuration of one error body for every failure path of a Spring MVC application.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class, after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "error-tracking.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "error-tracking.response.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ErrorTrackingProperties.class)
public class ErrorTrackingWebAutoConfiguration {

	/** Order of the error handling filter: right after Sentry's filters and the request id filter. */
	public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	private static final String[] SECURITY_EXCEPTION_TYPES = { "org.springframework.security.access.AccessDeniedException",
			"org.springframework.security.core.AuthenticationException" };

	@Bean
	@ConditionalOnMissingBean
	ApplicationExceptionMapper applicationExceptionMapper() {
		return new ApplicationExceptionMapper();
	}

	@Bean
	@ConditionalOnMissingBean
	SpringMvcErrorMapper springMvcErrorMapper(ObjectProvider<ObjectMapper> objectMapper) {
		return new SpringMvcErrorMapper(objectMapper.getIfAvailable(ObjectMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorClassifier errorClassifier(ObjectProvider<ErrorMapper> mappers, ErrorTrackingProperties properties) {
		Map<String, ErrorClassifier.StatusOverride> overrides = new LinkedHashMap<>();
		properties.getExceptions()
			.forEach((type, mapping) -> overrides.put(type,
					new ErrorClassifier.StatusOverride(mapping.getStatus(), mapping.getCode())));
		return new ErrorClassifier(mappers.orderedStream().toList(), overrides);
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorLogger errorLogger() {
		return new ErrorLogger();
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorResponseWriter errorResponseWriter(ObjectProvider<ObjectMapper> objectMapper,
			ObjectProvider<ErrorBodyCustomizer> customizers, ErrorTrackingProperties properties) {
		ErrorTrackingProperties.Response response = properties.getResponse();
		return new ErrorResponseWriter(objectMapper.getIfAvailable(ObjectMapper::new), response.getFormat(),
				response.getProblemTypeBase(), properties.getRequestId().getHeader(), response.getEventIdHeader(),
				customizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorResponseHandler errorResponseHandler(ErrorClassifier classifier, ObjectProvider<ErrorReporter> reporter,
			ErrorLogger errorLogger, ErrorResponseWriter writer, ObjectProvider<RequestUserResolver> userResolver,
			Environment environment) {
		boolean users = environment.getProperty("error-tracking.user.enabled", Boolean.class, true);
		return new ErrorResponseHandler(classifier, reporter.getIfAvailable(() -> ErrorReporter.NONE), errorLogger,
				writer, users ? userResolver.getIfUnique() : null);
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorTrackingExceptionResolver errorTrackingExceptionResolver(ErrorResponseHandler handler) {
		return new ErrorTrackingExceptionResolver(handler, ErrorTrackingWebAutoConfiguration::isSecurityException);
	}

	@Bean
	WebMvcConfigurer errorTrackingExceptionResolverConfigurer(ErrorTrackingExceptionResolver resolver) {
		return new WebMvcConfigurer() {

			@Override
			public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
				int position = 0;
				for (int i = 0; i < resolvers.size(); i++) {
					if (resolvers.get(i) instanceof ExceptionHandlerExceptionResolver) {
						position = i + 1;
					}
				}
				resolvers.add(position, resolver);
			}

		};
	}

	@Bean
	@ConditionalOnMissingFilterBean(ErrorHandlingFilter.class)
	FilterRegistrationBean<ErrorHandlingFilter> errorHandlingFilter(ErrorResponseHandler handler) {
		FilterRegistrationBean<ErrorHandlingFilter> registration = new FilterRegistrationBean<>(
				new ErrorHandlingFilter(handler));
		registration.setOrder(FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ErrorTrackingErrorController errorTrackingErrorController(ErrorResponseHandler handler) {
		return new ErrorTrackingErrorController(handler);
	}

	private static boolean isSecurityException(Throwable exception) {
		for (Class<?> type = exception.getClass(); type != null; type = type.getSuperclass()) {
			for (String name : SECURITY_EXCEPTION_TYPES) {
				if (type.getName().equals(name)) {
					return true;
				}
			}
		}
		return false;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ConstraintViolationException.class)
	static class BeanValidationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ConstraintViolationErrorMapper constraintViolationErrorMapper(ObjectProvider<ObjectMapper> objectMapper) {
			return new ConstraintViolationErrorMapper(objectMapper.getIfAvailable(ObjectMapper::new));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.dao.DataIntegrityViolationException")
	static class DataAccessConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DataAccessErrorMapper dataAccessErrorMapper() {
			return new DataAccessErrorMapper();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.security.access.AccessDeniedException",
			"org.springframework.security.core.AuthenticationException" })
	static class SecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SecurityErrorMapper securityErrorMapper() {
			return new SecurityErrorMapper();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.apache.catalina.startup.Tomcat", "org.apache.catalina.valves.ErrorReportValve" })
	@ConditionalOnBooleanProperty(name = "error-tracking.response.container-errors", matchIfMissing = true)
	static class TomcatConfiguration {

		/** Runs after Boot's own Tomcat customizer, whose error report valve it replaces. */
		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> errorTrackingTomcatErrorReportValveCustomizer(
				ErrorResponseWriter writer) {
			return (factory) -> factory.addContextCustomizers(
					(context) -> TomcatErrorReportValve.install((Host) context.getParent(), writer));
		}

	}

}
