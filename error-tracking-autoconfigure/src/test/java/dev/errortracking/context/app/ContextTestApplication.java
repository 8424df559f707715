package dev.errortracking.context.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.errortracking.exception.NotFoundException;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small secured application that logs from controllers and {@code @Async} tasks, for request context tests.
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
@EnableAsync
public class ContextTestApplication {

	/** The password of every test user. */
	public static final String PASSWORD = "secret";

	/** The number of users named {@code user0}, {@code user1}, ... besides {@code alice}. */
	public static final int USERS = 500;

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/admin/**").hasRole("ADMIN").anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	@SuppressWarnings("deprecation")
	PasswordEncoder plainPasswords() {
		return NoOpPasswordEncoder.getInstance();
	}

	@Bean
	InMemoryUserDetailsManager users() {
		List<UserDetails> users = new ArrayList<>();
		users.add(User.withUsername("alice").password(PASSWORD).roles("USER").build());
		for (int i = 0; i < USERS; i++) {
			users.add(User.withUsername("user" + i).password(PASSWORD).roles("USER").build());
		}
		return new InMemoryUserDetailsManager(users);
	}

	@RestController
	static class OrderController {

		private static final Logger logger = LoggerFactory.getLogger(OrderController.class);

		private final AuditService audit;

		OrderController(AuditService audit) {
			this.audit = audit;
		}

		@GetMapping("/orders/{id}")
		Map<String, Object> order(@PathVariable String id, @RequestParam(required = false) Integer fail)
				throws Exception {
			logger.info("order {} requested", id);
			String asyncRequestId = this.audit.record(id).get();
			if (fail != null && fail == 404) {
				throw new NotFoundException("No order " + id);
			}
			if (fail != null && fail == 500) {
				throw new IllegalStateException("order " + id + " broke");
			}
			return Map.of("id", id, "asyncRequestId", String.valueOf(asyncRequestId));
		}

		@GetMapping("/orders/{id}/lock")
		void lock(@PathVariable String id, HttpServletResponse response) throws IOException {
			response.sendError(409);
		}

	}

	@Service
	public static class AuditService {

		private static final Logger logger = LoggerFactory.getLogger(AuditService.class);

		@Async
		public CompletableFuture<String> record(String id) {
			logger.info("audit of order {}", id);
			if (id.startsWith("async-fail")) {
				logger.error("audit of order {} failed", id);
			}
			return CompletableFuture.completedFuture(MDC.get("request_id"));
		}

	}

}
