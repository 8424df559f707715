package dev.errortracking.sample.security;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo users that may call the protected endpoints with HTTP Basic.
 *
 * @param users the users by name
 */
@ConfigurationProperties("sample.security")
@Validated
public record DemoUsersProperties(@DefaultValue Map<String, @Valid User> users) {

	/**
	 * One demo user.
	 *
	 * @param password the password with its encoder id, such as '{noop}secret' or '{bcrypt}$2a$10$...'
	 * @param roles the roles, such as 'ADMIN'
	 */
	public record User(@NotBlank @Pattern(regexp = "\\{[^}]+}.+",
			message = "must start with an encoder id such as {noop} or {bcrypt}") String password,
			@DefaultValue List<String> roles) {

	}

}
