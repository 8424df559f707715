package dev.errortracking.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * Maps Bean Validation's {@link ConstraintViolationException}, from {@code @Validated} beans, to 422.
 */
public final class ConstraintViolationErrorMapper implements BuiltInErrorMapper {

	private final JsonPropertyNames names;

	public ConstraintViolationErrorMapper(ObjectMapper objectMapper) {
		this.names = new JsonPropertyNames(objectMapper);
	}

	@Override
	public ResolvedError map(Throwable exception) {
		if (!(exception instanceof ConstraintViolationException ex)) {
			return null;
		}
		FieldErrors errors = new FieldErrors(this.names);
		if (ex.getConstraintViolations() != null) {
			for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
				errors.add(field(violation), violation.getMessage(), type(violation));
			}
		}
		return ResolvedError.of(422, ErrorCodes.VALIDATION_ERROR, ErrorCodes.defaultMessage(422), errors.toDetails(),
				ex);
	}

	private String field(ConstraintViolation<?> violation) {
		List<String> properties = new ArrayList<>();
		String parameter = null;
		for (Path.Node node : violation.getPropertyPath()) {
			ElementKind kind = node.getKind();
			if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
					|| kind == ElementKind.CROSS_PARAMETER) {
				continue;
			}
			if (kind == ElementKind.PARAMETER) {
				parameter = node.getName();
				continue;
			}
			if (node.getName() != null) {
				properties.add(node.getName() + ((node.getIndex() != null) ? "[" + node.getIndex() + "]" : ""));
			}
		}
		if (properties.isEmpty()) {
			return parameter;
		}
		String last = properties.remove(properties.size() - 1);
		Object leaf = violation.getLeafBean();
		String translated = this.names.translate((leaf != null) ? leaf.getClass() : null, last);
		properties.add(translated);
		return String.join(".", properties);
	}

	private static String type(ConstraintViolation<?> violation) {
		return (violation.getConstraintDescriptor() != null)
				? violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName() : null;
	}

	@Override
	public int builtInOrder() {
		return 30;
	}

}
