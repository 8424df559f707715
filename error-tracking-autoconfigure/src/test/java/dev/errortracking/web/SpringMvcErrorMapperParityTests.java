package dev.errortracking.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Fails when Spring's {@link ResponseEntityExceptionHandler} handles an exception type that the library does not
 * map, or maps it to another status than Spring does (validation is 422 by design, where Spring says 400).
 */
class SpringMvcErrorMapperParityTests {

	private static final Set<Class<?>> VALIDATION = Set.of(MethodArgumentNotValidException.class,
			HandlerMethodValidationException.class);

	private final ErrorClassifier classifier = new ErrorClassifier(
			List.of(new ApplicationExceptionMapper(), new SpringMvcErrorMapper(new ObjectMapper())), Map.of());

	@Test
	void everyExceptionSpringHandlesIsMappedToTheSameStatus() throws Exception {
		Map<Class<?>, Function<MethodParameter, Exception>> factories = factories();
		MethodParameter parameter = new MethodParameter(
				SpringMvcErrorMapperParityTests.class.getDeclaredMethod("handler", String.class), 0);
		for (Class<?> type : springHandledTypes()) {
			Function<MethodParameter, Exception> factory = factories.get(type);
			if (factory == null) {
				fail("Spring's ResponseEntityExceptionHandler handles %s: map it and add it here", type.getName());
			}
			Exception exception = factory.apply(parameter);
			ResponseEntity<Object> spring = springResponse(exception);
			if (spring == null) {
				assertThat(DisconnectedClientHelper.isClientDisconnectedException(exception))
					.as("%s has no response in Spring and must be treated as a disconnected client", type)
					.isTrue();
				continue;
			}
			ResolvedError error = this.classifier.classify(exception);
			int expected = VALIDATION.contains(type) ? 422 : spring.getStatusCode().value();
			assertThat(error.status()).as("status of %s", type.getName()).isEqualTo(expected);
			assertThat(error.code()).as("code of %s", type.getName()).isEqualTo(ErrorCodes.forStatus(expected));
			if (spring.getHeaders().containsKey("Allow")) {
				assertThat(error.headers().getAllow()).isEqualTo(spring.getHeaders().getAllow());
			}
		}
	}

	private static List<Class<?>> springHandledTypes() {
		Method method = Arrays.stream(ResponseEntityExceptionHandler.class.getMethods())
			.filter((candidate) -> AnnotatedElementUtils.hasAnnotation(candidate, ExceptionHandler.class))
			.findFirst()
			.orElseThrow();
		return List.of(AnnotatedElementUtils.findMergedAnnotation(method, ExceptionHandler.class).value());
	}

	private static ResponseEntity<Object> springResponse(Exception exception) throws Exception {
		ResponseEntityExceptionHandler handler = new ResponseEntityExceptionHandler() {
		};
		return handler.handleException(exception,
				new ServletWebRequest(new MockHttpServletRequest(), new MockHttpServletResponse()));
	}

	private static Map<Class<?>, Function<MethodParameter, Exception>> factories() {
		HttpInputMessage input = new MockHttpInputMessage(new byte[0]);
		Map<Class<?>, Function<MethodParameter, Exception>> factories = new LinkedHashMap<>();
		factories.put(HttpRequestMethodNotSupportedException.class,
				(p) -> new HttpRequestMethodNotSupportedException("DELETE", List.of("GET", "POST")));
		factories.put(HttpMediaTypeNotSupportedException.class,
				(p) -> new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON)));
		factories.put(HttpMediaTypeNotAcceptableException.class,
				(p) -> new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON)));
		factories.put(MissingPathVariableException.class, (p) -> new MissingPathVariableException("id", p));
		factories.put(MissingServletRequestParameterException.class,
				(p) -> new MissingServletRequestParameterException("page", "int"));
		factories.put(MissingServletRequestPartException.class, (p) -> new MissingServletRequestPartException("file"));
		factories.put(ServletRequestBindingException.class, (p) -> new ServletRequestBindingException("bad"));
		factories.put(MethodArgumentNotValidException.class,
				(p) -> new MethodArgumentNotValidException(p, new BeanPropertyBindingResult(new Object(), "target")));
		factories.put(HandlerMethodValidationException.class,
				(p) -> new HandlerMethodValidationException(validationResult(p, false)));
		factories.put(NoHandlerFoundException.class,
				(p) -> new NoHandlerFoundException("GET", "/missing", new org.springframework.http.HttpHeaders()));
		factories.put(NoResourceFoundException.class, (p) -> new NoResourceFoundException(HttpMethod.GET, "missing"));
		factories.put(AsyncRequestTimeoutException.class, (p) -> new AsyncRequestTimeoutException());
		factories.put(ErrorResponseException.class, (p) -> new ErrorResponseException(HttpStatus.CONFLICT));
		factories.put(MaxUploadSizeExceededException.class, (p) -> new MaxUploadSizeExceededException(1024));
		factories.put(ConversionNotSupportedException.class,
				(p) -> new ConversionNotSupportedException("x", Integer.class, null));
		factories.put(TypeMismatchException.class, (p) -> new TypeMismatchException("x", Integer.class));
		factories.put(HttpMessageNotReadableException.class, (p) -> new HttpMessageNotReadableException("bad", input));
		factories.put(HttpMessageNotWritableException.class, (p) -> new HttpMessageNotWritableException("bad"));
		factories.put(MethodValidationException.class,
				(p) -> new MethodValidationException(validationResult(p, true)));
		factories.put(AsyncRequestNotUsableException.class, (p) -> new AsyncRequestNotUsableException("gone"));
		return factories;
	}

	private static MethodValidationResult validationResult(MethodParameter parameter, boolean forReturnValue) {
		MethodValidationResult result = mock(MethodValidationResult.class);
		given(result.getMethod()).willReturn(parameter.getMethod());
		given(result.isForReturnValue()).willReturn(forReturnValue);
		given(result.getParameterValidationResults()).willReturn(List.of());
		return result;
	}

	void handler(String value) {
	}

}
