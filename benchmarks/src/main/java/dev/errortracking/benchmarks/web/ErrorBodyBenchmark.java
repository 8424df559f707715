package dev.errortracking.benchmarks.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.errortracking.exception.ExternalServiceException;
import dev.errortracking.exception.NotFoundException;
import dev.errortracking.exception.ValidationFailedException;
import dev.errortracking.web.ApplicationExceptionMapper;
import dev.errortracking.web.ErrorClassifier;
import dev.errortracking.web.ErrorResponseFormat;
import dev.errortracking.web.ErrorResponseWriter;
import dev.errortracking.web.ResolvedError;
import dev.errortracking.web.SpringMvcErrorMapper;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Error-body rendering per status: classify the exception and write the body with the real
 * {@link ErrorResponseWriter} into a mock servlet response. The exceptions are created once: their stack traces
 * are not what is measured here.
 * <p>
 * {@code java -jar benchmarks/target/benchmarks.jar ErrorBodyBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ErrorBodyBenchmark {

	/** The failure: its status and where it comes from. */
	@Param({ "404-domain", "404-route", "405", "422", "500", "503" })
	public String failure;

	@Param({ "STANDARD", "PROBLEM_DETAILS" })
	public ErrorResponseFormat format;

	private ErrorClassifier classifier;

	private ErrorResponseWriter writer;

	private Throwable exception;

	private MockHttpServletRequest request;

	@Setup
	public void setUp() {
		ObjectMapper objectMapper = new ObjectMapper();
		this.classifier = new ErrorClassifier(
				List.of(new ApplicationExceptionMapper(), new SpringMvcErrorMapper(objectMapper)), Map.of());
		this.writer = new ErrorResponseWriter(objectMapper, this.format, null, "X-Request-Id", "X-Event-Id",
				List.of());
		this.exception = switch (this.failure) {
			case "404-domain" -> new NotFoundException("Post 42 not found", Map.of("post_id", 42));
			case "404-route" -> new NoResourceFoundException(HttpMethod.GET, "api/v1/nothing-here");
			case "405" -> new HttpRequestMethodNotSupportedException("PATCH", List.of("GET", "PUT", "DELETE"));
			case "422" -> new ValidationFailedException("Validation failed", Map.of("errors",
					List.of(Map.of("field", "title", "message", "must not be blank", "type", "NotBlank"))));
			case "500" -> new IllegalStateException("Deliberate failure");
			case "503" -> new ExternalServiceException("upstream-posts", "upstream answered 502");
			default -> throw new IllegalArgumentException(this.failure);
		};
		this.request = new MockHttpServletRequest("GET", "/api/v1/posts/42");
	}

	@Benchmark
	public MockHttpServletResponse classifyAndWrite() throws IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		ResolvedError error = this.classifier.classify(this.exception);
		this.writer.write(this.request, response, error, "0f6c2f8e-1b1e-4d55-9d0a-6a1f9e0c8d11", null);
		return response;
	}

}
