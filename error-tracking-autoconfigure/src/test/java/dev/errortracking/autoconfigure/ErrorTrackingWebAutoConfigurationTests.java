package dev.errortracking.autoconfigure;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.apache.catalina.valves.ErrorReportValve;
import org.junit.jupiter.api.Test;

import dev.errortracking.context.RequestIdFilter;
import dev.errortracking.web.ApplicationExceptionMapper;
import dev.errortracking.web.ConstraintViolationErrorMapper;
import dev.errortracking.web.DataAccessErrorMapper;
import dev.errortracking.web.ErrorClassifier;
import dev.errortracking.web.ErrorHandlingFilter;
import dev.errortracking.web.ErrorLogger;
import dev.errortracking.web.ErrorMapper;
import dev.errortracking.web.ErrorReporter;
import dev.errortracking.web.ErrorResponseHandler;
import dev.errortracking.web.ErrorResponseWriter;
import dev.errortracking.web.ErrorTrackingErrorController;
import dev.errortracking.web.ErrorTrackingExceptionResolver;
import dev.errortracking.web.ResolvedError;
import dev.errortracking.web.SecurityErrorMapper;
import dev.errortracking.web.SpringMvcErrorMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ErrorTrackingWebAutoConfiguration} and {@link RequestContextAutoConfiguration}: what is created,
 * and that everything backs off when it should.
 */
class ErrorTrackingWebAutoConfigurationTests {

	private static final String TOMCAT_CUSTOMIZER = "errorTrackingTomcatErrorReportValveCustomizer";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ErrorTrackingWebAutoConfiguration.class,
				RequestContextAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
				WebMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void createsTheErrorHandlingBeansAndReplacesBootsErrorController() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ErrorClassifier.class)
				.hasSingleBean(ErrorLogger.class)
				.hasSingleBean(ErrorResponseWriter.class)
				.hasSingleBean(ErrorResponseHandler.class)
				.hasSingleBean(ErrorTrackingExceptionResolver.class)
				.hasSingleBean(ErrorTrackingErrorController.class)
				.hasSingleBean(ErrorController.class)
				.doesNotHaveBean(BasicErrorController.class)
				.hasSingleBean(ApplicationExceptionMapper.class)
				.hasSingleBean(SpringMvcErrorMapper.class)
				.hasSingleBean(ConstraintViolationErrorMapper.class)
				.hasSingleBean(DataAccessErrorMapper.class)
				.hasSingleBean(SecurityErrorMapper.class);
			assertThat(filterTypes(context)).contains(ErrorHandlingFilter.class, RequestIdFilter.class);
		});
	}

	@Test
	void backsOffWithoutAServletWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ErrorTrackingWebAutoConfiguration.class,
					RequestContextAutoConfiguration.class, JacksonAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ErrorResponseHandler.class)
				.doesNotHaveBean(ErrorClassifier.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void replacesTomcatsErrorPageUnlessSwitchedOff() {
		this.runner.run((context) -> assertThat(context).hasBean(TOMCAT_CUSTOMIZER));
		this.runner.withPropertyValues("error-tracking.response.container-errors=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TOMCAT_CUSTOMIZER)
				.hasSingleBean(ErrorResponseHandler.class));
		this.runner.withClassLoader(new FilteredClassLoader(ErrorReportValve.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TOMCAT_CUSTOMIZER)
				.hasSingleBean(ErrorResponseHandler.class));
	}

	@Test
	void backsOffWithoutSpringMvc() {
		this.runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ErrorResponseHandler.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("error-tracking.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ErrorResponseHandler.class)
				.doesNotHaveBean(ErrorTrackingErrorController.class)
				.hasSingleBean(BasicErrorController.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void errorBodyCanBeSwitchedOffAloneKeepingTheRequestId() {
		this.runner.withPropertyValues("error-tracking.response.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ErrorResponseHandler.class).hasSingleBean(BasicErrorController.class);
			assertThat(filterTypes(context)).contains(RequestIdFilter.class).doesNotContain(ErrorHandlingFilter.class);
		});
	}

	@Test
	void requestIdCanBeSwitchedOff() {
		this.runner.withPropertyValues("error-tracking.request-id.enabled=false")
			.run((context) -> assertThat(filterTypes(context)).contains(ErrorHandlingFilter.class)
				.doesNotContain(RequestIdFilter.class));
	}

	@Test
	void withoutBeanValidationTheConstraintViolationMapperBacksOff() {
		this.runner.withClassLoader(new FilteredClassLoader(ConstraintViolationException.class))
			.run((context) -> assertThat(context).hasSingleBean(ErrorResponseHandler.class)
				.doesNotHaveBean(ConstraintViolationErrorMapper.class));
	}

	@Test
	void withoutSpringDataAccessTheDataMapperBacksOff() {
		this.runner.withClassLoader(new FilteredClassLoader(DataIntegrityViolationException.class))
			.run((context) -> assertThat(context).hasSingleBean(ErrorResponseHandler.class)
				.doesNotHaveBean(DataAccessErrorMapper.class));
	}

	@Test
	void withoutSpringSecurityTheSecurityMapperBacksOff() {
		this.runner.withClassLoader(new FilteredClassLoader(AccessDeniedException.class))
			.run((context) -> assertThat(context).hasSingleBean(ErrorResponseHandler.class)
				.doesNotHaveBean(SecurityErrorMapper.class));
	}

	@Test
	void userBeansWin() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(ErrorClassifier.class)).isSameAs(UserBeans.CLASSIFIER);
			assertThat(context.getBean(ErrorLogger.class)).isSameAs(UserBeans.LOGGER);
			assertThat(context.getBean(ErrorResponseWriter.class)).isSameAs(UserBeans.WRITER);
			assertThat(context.getBean(ErrorResponseHandler.class)).isSameAs(UserBeans.HANDLER);
			assertThat(context.getBean(ErrorTrackingExceptionResolver.class)).isSameAs(UserBeans.RESOLVER);
			assertThat(context.getBean(ErrorController.class)).isSameAs(UserBeans.CONTROLLER);
			assertThat(filterTypes(context)).contains(RequestIdFilter.class).doesNotContain(ErrorHandlingFilter.class);
			assertThat(context.getBean(ErrorHandlingFilter.class)).isSameAs(UserBeans.FILTER);
		});
	}

	@Test
	void userMappersComeBeforeTheBuiltInOnes() {
		this.runner.withUserConfiguration(UserMapper.class).run((context) -> {
			ResolvedError error = context.getBean(ErrorClassifier.class)
				.classify(new dev.errortracking.exception.NotFoundException("gone"));
			assertThat(error.status()).isEqualTo(410);
			assertThat(error.code()).isEqualTo("GONE_FOR_GOOD");
		});
	}

	@Test
	void userMapperIsUsedForItsOwnExceptionsOnly() {
		this.runner.withUserConfiguration(UserMapper.class).run((context) -> {
			ResolvedError error = context.getBean(ErrorClassifier.class)
				.classify(new IllegalStateException("unrelated"));
			assertThat(error.status()).isEqualTo(500);
			assertThat(error.code()).isEqualTo("INTERNAL_ERROR");
		});
	}

	@Test
	void reporterBeanIsUsed() {
		this.runner.withUserConfiguration(UserReporter.class)
			.run((context) -> assertThat(context).hasSingleBean(ErrorResponseHandler.class)
				.hasSingleBean(ErrorReporter.class));
	}

	@Test
	void propertiesOverrideStatusAndCodeForSubclassesToo() {
		this.runner
			.withPropertyValues("error-tracking.exceptions[java.lang.IllegalArgumentException].status=400",
					"error-tracking.exceptions[java.lang.IllegalArgumentException].code=BAD_ARGUMENT")
			.run((context) -> {
				ErrorClassifier classifier = context.getBean(ErrorClassifier.class);
				ResolvedError error = classifier.classify(new NumberFormatException("x"));
				assertThat(error.status()).isEqualTo(400);
				assertThat(error.code()).isEqualTo("BAD_ARGUMENT");
				assertThat(classifier.classify(new IllegalStateException()).status()).isEqualTo(500);
			});
	}

	private static List<Class<?>> filterTypes(org.springframework.context.ApplicationContext context) {
		return context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.<Class<?>>map((registration) -> registration.getFilter().getClass())
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final ErrorClassifier CLASSIFIER = new ErrorClassifier(List.of(), Map.of());

		static final ErrorLogger LOGGER = new ErrorLogger();

		static final ErrorResponseWriter WRITER = mock(ErrorResponseWriter.class);

		static final ErrorResponseHandler HANDLER = new ErrorResponseHandler(CLASSIFIER, ErrorReporter.NONE, LOGGER,
				WRITER);

		static final ErrorTrackingExceptionResolver RESOLVER = new ErrorTrackingExceptionResolver(HANDLER,
				(ex) -> false);

		static final ErrorController CONTROLLER = new ErrorController() {
		};

		static final ErrorHandlingFilter FILTER = new ErrorHandlingFilter(HANDLER);

		@Bean
		ErrorClassifier userClassifier() {
			return CLASSIFIER;
		}

		@Bean
		ErrorLogger userLogger() {
			return LOGGER;
		}

		@Bean
		ErrorResponseWriter userWriter() {
			return WRITER;
		}

		@Bean
		ErrorResponseHandler userHandler() {
			return HANDLER;
		}

		@Bean
		ErrorTrackingExceptionResolver userResolver() {
			return RESOLVER;
		}

		@Bean
		ErrorController userErrorController() {
			return CONTROLLER;
		}

		@Bean
		ErrorHandlingFilter userErrorHandlingFilter() {
			return FILTER;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMapper {

		@Bean
		ErrorMapper goneMapper() {
			return (ex) -> (ex instanceof dev.errortracking.exception.NotFoundException)
					? ResolvedError.of(410, "GONE_FOR_GOOD", "Gone", Map.of(), ex) : null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserReporter {

		@Bean
		ErrorReporter reporter() {
			return (error, request) -> "event-1";
		}

	}

}
