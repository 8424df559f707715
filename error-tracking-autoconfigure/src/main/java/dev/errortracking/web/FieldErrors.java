package dev.errortracking.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.lang.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Collects validation failures as {@code {field, message, type}} entries without the rejected values.
 */
final class FieldErrors {

	static final String INVALID_VALUE = "Invalid value";

	private final List<Map<String, Object>> errors = new ArrayList<>();

	private final JsonPropertyNames names;

	FieldErrors(JsonPropertyNames names) {
		this.names = names;
	}

	FieldErrors addBindingResult(BindingResult result, @Nullable String prefix) {
		return addErrors(result, result.getTarget(), prefix);
	}

	FieldErrors addErrors(Errors result, @Nullable Object target, @Nullable String prefix) {
		Class<?> type = (target != null) ? target.getClass() : null;
		for (FieldError error : result.getFieldErrors()) {
			String field = this.names.translate(type, error.getField());
			String message = error.isBindingFailure() ? INVALID_VALUE : error.getDefaultMessage();
			add(join(prefix, field), message, typeOf(error));
		}
		for (ObjectError error : result.getGlobalErrors()) {
			add(prefix, error.getDefaultMessage(), typeOf(error));
		}
		return this;
	}

	FieldErrors add(@Nullable String field, @Nullable String message, @Nullable String type) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", (message != null) ? message : INVALID_VALUE);
		error.put("type", type);
		this.errors.add(error);
		return this;
	}

	Map<String, Object> toDetails() {
		return Map.of("errors", List.copyOf(this.errors));
	}

	static String typeOf(MessageSourceResolvable resolvable) {
		String[] codes = resolvable.getCodes();
		return (codes != null && codes.length > 0) ? codes[codes.length - 1] : null;
	}

	private static String join(@Nullable String prefix, String field) {
		return (prefix == null || prefix.isEmpty()) ? field : prefix + "." + field;
	}

}
