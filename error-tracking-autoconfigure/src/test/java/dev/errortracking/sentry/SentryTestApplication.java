package dev.errortracking.sentry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import io.sentry.Attachment;
import io.sentry.Sentry;

import dev.errortracking.autoconfigure.ErrorTrackingWebAutoConfiguration;
import dev.errortracking.exception.ConflictException;
import dev.errortracking.exception.ExternalServiceException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;

/**
 * A small application that fails in every way the Sentry tests need: from a controller, from a filter inside and
 * outside the library's error handling filter, with client errors and through Spring Security.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = { DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class })
@Import(SentryTestApplication.FailingController.class)
public class SentryTestApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/v1/secure/**")
				.authenticated()
				.requestMatchers("/api/v1/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.permitAll())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(User.withUsername("user").password("{noop}secret").roles("USER").build());
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> innerFailingFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				failingFilter("/filter-boom", false));
		registration.setOrder(0);
		return registration;
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> outerFailingFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				failingFilter("/outer-", true));
		registration.setOrder(ErrorTrackingWebAutoConfiguration.FILTER_ORDER - 5);
		return registration;
	}

	private static OncePerRequestFilter failingFilter(String pathPrefix, boolean canSendError) {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				String path = request.getRequestURI();
				if (canSendError && path.equals(pathPrefix + "send-error")) {
					response.sendError(500);
					return;
				}
				if (path.startsWith(pathPrefix)) {
					throw new IllegalStateException("filter failed on " + path);
				}
				chain.doFilter(request, response);
			}

		};
	}

	/** The request body of the post endpoint. */
	record NewPost(@NotBlank String title) {

	}

	@RestController
	static class FailingController {

		@GetMapping("/api/v1/posts/{id}")
		String post(@PathVariable String id) {
			throw new IllegalStateException("database is gone while reading post " + id);
		}

		@PostMapping("/api/v1/posts")
		String create(@Valid @RequestBody NewPost post) {
			return post.title();
		}

		@GetMapping("/api/v1/external")
		String external() {
			throw new ExternalServiceException("payments", "payments timed out");
		}

		@GetMapping("/api/v1/conflict")
		String conflict() {
			throw new ConflictException("already exists");
		}

		@GetMapping("/api/v1/denied")
		String denied() {
			throw new AccessDeniedException("no");
		}

		@GetMapping("/api/v1/secure/data")
		String secure() {
			return "secret";
		}

		@GetMapping("/api/v1/admin/data")
		String admin() {
			return "admin";
		}

		@GetMapping("/api/v1/exports/{id}")
		String export(@PathVariable String id) {
			Sentry.configureScope((scope) -> {
				scope.addAttachment(new Attachment(
						("export " + id + " for alice@example.com, api_key=exp-key-1").getBytes(StandardCharsets.UTF_8),
						"export.log", "text/plain"));
				scope.addAttachment(new Attachment(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "chart.png", "image/png"));
			});
			throw new IllegalStateException("export " + id + " failed");
		}

		@PostMapping("/api/v1/upload")
		String upload(@RequestParam("file") MultipartFile file) {
			return file.getOriginalFilename();
		}

		@GetMapping("/api/v1/ok")
		String ok() {
			return "ok";
		}

		@GetMapping({ "/actuator/health", "/livez" })
		String health() {
			return "UP";
		}

	}

}
