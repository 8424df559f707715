package dev.errortracking.web.app;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import dev.errortracking.exception.NotFoundException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A small application with one endpoint or filter per failure path of the error table.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ FailingController.class, ValidatedService.class })
public class ErrorBodyTestApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/secure/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/secure/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(User.withUsername("user").password("{noop}password").roles("USER").build(),
				User.withUsername("admin").password("{noop}password").roles("USER", "ADMIN").build());
	}

	@Bean
	FilterRegistrationBean<Filter> failingFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
			String path = ((HttpServletRequest) request).getRequestURI();
			if (path.equals("/filter/boom")) {
				throw new IllegalStateException("filter failed with internal detail jdbc:postgresql://db/secret");
			}
			if (path.equals("/filter/not-found")) {
				throw new NotFoundException("Nothing here", java.util.Map.of("item", 7));
			}
			if (path.equals("/filter/io")) {
				throw new IOException("disk on fire");
			}
			chain.doFilter(request, response);
		});
		registration.setOrder(0);
		return registration;
	}

	@Bean
	FilterRegistrationBean<Filter> earlyFailingFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
			if (((HttpServletRequest) request).getRequestURI().equals("/early/boom")) {
				throw new IllegalStateException("failed before the library's filters");
			}
			chain.doFilter(request, response);
		});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
