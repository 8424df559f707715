package dev.errortracking.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps Spring MVC's exceptions to the error table, with messages that name fields but never echo values.
 */
public final class SpringMvcErrorMapper implements BuiltInErrorMapper {

	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_$-]{1,64}");

	private final JsonPropertyNames names;

	public SpringMvcErrorMapper(com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
		this.names = new JsonPropertyNames(objectMapper);
	}

	@Override
	public ResolvedError map(Throwable exception) {
		if (exception instanceof BindException ex) {
			return validation(new FieldErrors(this.names).addBindingResult(ex.getBindingResult(), null), ex);
		}
		if (exception instanceof HandlerMethodValidationException ex) {
			return ex.getStatusCode().is5xxServerError() ? ResolvedError.ofStatus(500, ex) : methodValidation(ex);
		}
		if (exception instanceof HttpMessageNotReadableException ex) {
			return unreadableBody(ex);
		}
		if (exception instanceof ConversionNotSupportedException ex) {
			return ResolvedError.ofStatus(500, ex);
		}
		if (exception instanceof TypeMismatchException ex) {
			String name = safe(ex.getPropertyName());
			return badRequest(
					(name != null) ? "Parameter '" + name + "' has an invalid value" : FieldErrors.INVALID_VALUE,
					detail("parameter", name), ex);
		}
		if (exception instanceof MissingPathVariableException ex) {
			return ResolvedError.ofStatus(ex.getStatusCode().value(), ex);
		}
		if (exception instanceof MissingServletRequestParameterException ex) {
			return missing("parameter", ex.getParameterName(), ex);
		}
		if (exception instanceof MissingRequestHeaderException ex) {
			return missing("header", ex.getHeaderName(), ex);
		}
		if (exception instanceof MissingRequestCookieException ex) {
			return missing("cookie", ex.getCookieName(), ex);
		}
		if (exception instanceof MissingServletRequestPartException ex) {
			return missing("part", ex.getRequestPartName(), ex);
		}
		if (exception instanceof ServletRequestBindingException ex) {
			return badRequest(ErrorCodes.defaultMessage(400), Map.of(), ex);
		}
		if (exception instanceof NoHandlerFoundException || exception instanceof NoResourceFoundException) {
			return ResolvedError.ofStatus(404, exception);
		}
		if (exception instanceof HttpRequestMethodNotSupportedException ex) {
			return withHeaders(ResolvedError.ofStatus(405, ex), ex.getHeaders());
		}
		if (exception instanceof HttpMediaTypeNotAcceptableException ex) {
			return ResolvedError.ofStatus(406, ex);
		}
		if (exception instanceof HttpMediaTypeNotSupportedException ex) {
			return withHeaders(ResolvedError.ofStatus(415, ex), ex.getHeaders());
		}
		if (exception instanceof MaxUploadSizeExceededException ex) {
			return ResolvedError.ofStatus(413, ex);
		}
		if (exception instanceof MultipartException ex) {
			return badRequest("The multipart request is invalid", Map.of(), ex);
		}
		if (exception instanceof AsyncRequestTimeoutException ex) {
			return ResolvedError.ofStatus(503, ex);
		}
		if (exception instanceof ResponseStatusException ex) {
			return withReason(ex.getStatusCode().value(), ex.getReason(), ex.getHeaders(), ex);
		}
		if (exception instanceof ErrorResponse ex) {
			return withHeaders(ResolvedError.ofStatus(ex.getStatusCode().value(), exception), ex.getHeaders());
		}
		if (exception instanceof IllegalArgumentException ex && isWildcardRequestContentType(ex)) {
			return ResolvedError.ofStatus(415, ex);
		}
		ResponseStatus annotation = AnnotatedElementUtils.findMergedAnnotation(exception.getClass(),
				ResponseStatus.class);
		if (annotation != null) {
			return withReason(annotation.code().value(), annotation.reason(), HttpHeaders.EMPTY, exception);
		}
		return null;
	}

	/**
	 * Whether {@code ex} is Spring's refusal of a request {@code Content-Type} with a wildcard, such as {@code *\/*},
	 * which it raises as a bare {@code IllegalArgumentException} while reading the request headers.
	 */
	private static boolean isWildcardRequestContentType(IllegalArgumentException ex) {
		StackTraceElement[] trace = ex.getStackTrace();
		for (int i = 0; i + 1 < trace.length && i < 8; i++) {
			if (isFrame(trace[i], "org.springframework.http.HttpHeaders", "setContentType")) {
				return isFrame(trace[i + 1], "org.springframework.http.server.ServletServerHttpRequest", "getHeaders");
			}
		}
		return false;
	}

	private static boolean isFrame(StackTraceElement frame, String className, String methodName) {
		return frame.getClassName().equals(className) && frame.getMethodName().equals(methodName);
	}

	private ResolvedError methodValidation(HandlerMethodValidationException ex) {
		FieldErrors errors = new FieldErrors(this.names);
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String parameter = parameterName(result.getMethodParameter());
			if (result instanceof ParameterErrors parameterErrors) {
				errors.addErrors(parameterErrors, parameterErrors.getArgument(), null);
				continue;
			}
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(parameter, error.getDefaultMessage(), FieldErrors.typeOf(error));
			}
		}
		return validation(errors, ex);
	}

	private ResolvedError unreadableBody(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = jsonPath(mapping.getPath());
			if (field != null) {
				return badRequest("Field '" + field + "' has an invalid value", Map.of("field", field), ex);
			}
			return badRequest("The request body has an invalid value", Map.of(), ex);
		}
		if (cause instanceof JsonProcessingException) {
			return badRequest("The request body is not valid JSON", Map.of(), ex);
		}
		return badRequest("The request body is missing or unreadable", Map.of(), ex);
	}

	private static String jsonPath(List<JsonMappingException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JsonMappingException.Reference reference : path) {
			if (reference.getFieldName() != null) {
				String name = safe(reference.getFieldName());
				if (name == null) {
					return null;
				}
				field.append((field.length() > 0) ? "." : "").append(name);
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return (field.length() > 0) ? field.toString() : null;
	}

	private static String parameterName(MethodParameter parameter) {
		Map<String, Object> binding = parameterAnnotationAttributes(parameter);
		Object name = (binding != null) ? binding.get("name") : null;
		if (name instanceof String text && !text.isEmpty()) {
			return text;
		}
		return parameter.getParameterName();
	}

	private static Map<String, Object> parameterAnnotationAttributes(MethodParameter parameter) {
		for (var annotation : parameter.getParameterAnnotations()) {
			Map<String, Object> attributes = org.springframework.core.annotation.AnnotationUtils
				.getAnnotationAttributes(annotation);
			if (attributes.containsKey("name") && annotation.annotationType().getPackageName()
				.equals("org.springframework.web.bind.annotation")) {
				return attributes;
			}
		}
		return null;
	}

	private static ResolvedError validation(FieldErrors errors, Throwable ex) {
		return ResolvedError.of(422, ErrorCodes.VALIDATION_ERROR, ErrorCodes.defaultMessage(422), errors.toDetails(),
				ex);
	}

	private static ResolvedError missing(String kind, String name, Throwable ex) {
		String safeName = safe(name);
		String message = (safeName != null) ? "Required " + kind + " '" + safeName + "' is missing"
				: "A required " + kind + " is missing";
		return badRequest(message, detail(kind, safeName), ex);
	}

	private static ResolvedError badRequest(String message, Map<String, ?> details, Throwable ex) {
		return ResolvedError.of(400, ErrorCodes.BAD_REQUEST, message, details, ex);
	}

	private static ResolvedError withReason(int status, String reason, HttpHeaders headers, Throwable ex) {
		ResolvedError error = ResolvedError.ofStatus(status, ex);
		if (status < 500 && reason != null && !reason.isBlank()) {
			error = ResolvedError.of(status, error.code(), reason, Map.of(), ex);
		}
		return withHeaders(error, headers);
	}

	private static ResolvedError withHeaders(ResolvedError error, HttpHeaders headers) {
		if (headers == null || headers.isEmpty()) {
			return error;
		}
		HttpHeaders kept = new HttpHeaders();
		headers.forEach((name, values) -> kept.put(name, values));
		return error.withHeaders(kept);
	}

	private static Map<String, Object> detail(String key, String value) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (value != null) {
			details.put(key, value);
		}
		return details;
	}

	static String safe(String name) {
		return (name != null && SAFE_NAME.matcher(name).matches()) ? name : null;
	}

	@Override
	public int builtInOrder() {
		return 20;
	}

}
