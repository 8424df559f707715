package dev.errortracking.autoconfigure;

import java.util.function.Supplier;

import io.sentry.protocol.User;
import io.sentry.spring.jakarta.SentryUserProvider;
import org.junit.jupiter.api.Test;

import dev.errortracking.context.MdcTaskDecorator;
import dev.errortracking.context.RequestContextEventProcessor;
import dev.errortracking.context.RequestIdFilter;
import dev.errortracking.context.RequestUser;
import dev.errortracking.context.RequestUserFilter;
import dev.errortracking.context.RequestUserResolver;
import dev.errortracking.context.RequestUserSentryUserProvider;
import dev.errortracking.context.SentryTraceIdResolver;
import dev.errortracking.context.SpringSecurityRequestUserResolver;
import dev.errortracking.context.TraceIdResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

/**
 * Tests for {@link RequestContextAutoConfiguration}.
 */
class RequestContextAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(RequestContextAutoConfiguration.class, TaskExecutionAutoConfiguration.class))
		.withPropertyValues("sentry.dsn=http://public@127.0.0.1:9/1");

	@Test
	void withoutASentryDsnTheSentryPiecesBackOff() {
		this.runner.withPropertyValues("sentry.dsn=").run((context) -> {
			assertThat(context).doesNotHaveBean(SentryTraceIdResolver.class)
				.doesNotHaveBean(RequestContextEventProcessor.class)
				.doesNotHaveBean(RequestUserSentryUserProvider.class)
				.hasSingleBean(SpringSecurityRequestUserResolver.class)
				.hasSingleBean(TaskDecorator.class);
			assertThat(context.getBean(TaskDecorator.class)).isNotInstanceOf(CompositeTaskDecorator.class);
		});
	}

	@Test
	void registersTheContextPiecesWithSecurityAndSentry() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SentryTraceIdResolver.class)
				.hasSingleBean(SpringSecurityRequestUserResolver.class)
				.hasSingleBean(RequestContextEventProcessor.class)
				.hasSingleBean(RequestUserSentryUserProvider.class)
				.hasSingleBean(TaskDecorator.class);
			assertThat(context.getBean(TaskDecorator.class)).isInstanceOf(CompositeTaskDecorator.class);
			assertThat(filter(context.getBean("requestIdFilter")).getFilter()).isInstanceOf(RequestIdFilter.class);
			FilterRegistrationBean<?> userFilter = filter(context.getBean("requestUserFilter"));
			assertThat(userFilter.getFilter()).isInstanceOf(RequestUserFilter.class);
			assertThat(userFilter.getOrder()).isEqualTo(-99);
		});
	}

	@Test
	void taskDecoratorIsAppliedToBootsExecutor() {
		this.runner.run((context) -> {
			ThreadPoolTaskExecutor executor = context.getBean(ThreadPoolTaskExecutor.class);
			assertThat(executor).extracting("taskDecorator").isSameAs(context.getBean(TaskDecorator.class));
		});
	}

	@Test
	void userFilterFollowsTheConfiguredSecurityFilterOrder() {
		this.runner.withPropertyValues("spring.security.filter.order=5")
			.run((context) -> assertThat(filter(context.getBean("requestUserFilter")).getOrder()).isEqualTo(6));
	}

	@Test
	void backsOffFromSentryWhenItIsAbsent() {
		this.runner.withClassLoader(new FilteredClassLoader("io.sentry")).run((context) -> {
			assertThat(context).doesNotHaveBean(SentryTraceIdResolver.class)
				.doesNotHaveBean(RequestContextEventProcessor.class)
				.doesNotHaveBean(RequestUserSentryUserProvider.class)
				.hasSingleBean(TraceIdResolver.class)
				.hasSingleBean(SpringSecurityRequestUserResolver.class);
			assertThat(context.getBean(TaskDecorator.class)).isInstanceOf(MdcTaskDecorator.class);
		});
	}

	@Test
	void withoutSpringSecurityTheUserComesFromAnApplicationResolver() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.run((context) -> assertThat(context).doesNotHaveBean(RequestUserResolver.class)
				.doesNotHaveBean("requestUserFilter"));
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withUserConfiguration(ApplicationUserConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(RequestUserResolver.class).hasBean("requestUserFilter");
				assertThat(context.getBean(RequestUserResolver.class))
					.isSameAs(context.getBean("applicationUserResolver"));
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void sentryUserProviderLooksTheResolverUpOnceNotPerRequest() {
		ObjectProvider<RequestUserResolver> resolvers = mock(ObjectProvider.class);
		RequestUserResolver resolver = (request) -> RequestUser.ofId(request.getHeader("X-User"));
		given(resolvers.getIfAvailable()).willReturn(resolver);
		SentryUserProvider provider = new RequestContextAutoConfiguration.SentryContextConfiguration()
			.requestUserSentryUserProvider(resolvers, new ErrorTrackingProperties());
		assertThat(userIdFor(provider, "first")).isEqualTo("first");
		assertThat(userIdFor(provider, "second")).isEqualTo("second");
		then(resolvers).should(times(1)).getIfAvailable();
	}

	@Test
	@SuppressWarnings("unchecked")
	void sentryUserProviderRemembersThatNoResolverExists() {
		ObjectProvider<RequestUserResolver> resolvers = mock(ObjectProvider.class);
		SentryUserProvider provider = new RequestContextAutoConfiguration.SentryContextConfiguration()
			.requestUserSentryUserProvider(resolvers, new ErrorTrackingProperties());
		assertThat(withRequest("first", provider::provideUser)).isNull();
		assertThat(withRequest("second", provider::provideUser)).isNull();
		then(resolvers).should(times(1)).getIfAvailable();
	}

	private static String userIdFor(SentryUserProvider provider, String header) {
		User user = withRequest(header, provider::provideUser);
		return (user != null) ? user.getId() : null;
	}

	private static <T> T withRequest(String user, Supplier<T> action) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-User", user);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			return action.get();
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	@Test
	void applicationBeansWin() {
		this.runner.withUserConfiguration(ApplicationUserConfiguration.class, ApplicationTaskConfiguration.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SpringSecurityRequestUserResolver.class)
					.doesNotHaveBean(SentryTraceIdResolver.class);
				assertThat(context.getBean(TaskDecorator.class)).isSameAs(context.getBean("applicationTaskDecorator"));
			});
	}

	@Test
	void switchesTurnPiecesOff() {
		this.runner
			.withPropertyValues("error-tracking.user.enabled=false", "error-tracking.context.propagate-to-tasks=false",
					"error-tracking.context.sentry-tags=false", "error-tracking.request-id.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("requestUserFilter")
				.doesNotHaveBean("requestIdFilter")
				.doesNotHaveBean("httpRouteMdcConfigurer")
				.doesNotHaveBean(TaskDecorator.class)
				.doesNotHaveBean(RequestContextEventProcessor.class)
				.doesNotHaveBean(RequestUserSentryUserProvider.class));
		this.runner.withPropertyValues("error-tracking.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TraceIdResolver.class)
				.doesNotHaveBean(TaskDecorator.class));
	}

	private static FilterRegistrationBean<?> filter(Object bean) {
		return (FilterRegistrationBean<?>) bean;
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationUserConfiguration {

		@Bean
		RequestUserResolver applicationUserResolver() {
			return (request) -> RequestUser.ofId("from-header");
		}

		@Bean
		TraceIdResolver applicationTraceIdResolver() {
			return (request) -> null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationTaskConfiguration {

		@Bean
		TaskDecorator applicationTaskDecorator() {
			return (task) -> task;
		}

	}

}
