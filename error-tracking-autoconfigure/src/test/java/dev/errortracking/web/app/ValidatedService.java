package dev.errortracking.web.app;

import jakarta.validation.constraints.NotBlank;

import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/**
 * A service validated by Bean Validation's method validation.
 */
@Service
@Validated
public class ValidatedService {

	public String echo(@NotBlank String value) {
		return value;
	}

}
