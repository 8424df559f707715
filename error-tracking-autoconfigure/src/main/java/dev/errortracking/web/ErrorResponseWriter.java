package dev.errortracking.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;

/**
 * Writes a {@link ResolvedError} as the error body, whatever the request accepts.
 */
public class ErrorResponseWriter {

	private final ObjectMapper objectMapper;

	private final ErrorResponseFormat format;

	@Nullable
	private final URI problemTypeBase;

	private final String requestIdHeader;

	private final String eventIdHeader;

	private final List<ErrorBodyCustomizer> customizers;

	public ErrorResponseWriter(ObjectMapper objectMapper, ErrorResponseFormat format, @Nullable URI problemTypeBase,
			String requestIdHeader, String eventIdHeader, List<ErrorBodyCustomizer> customizers) {
		this.objectMapper = objectMapper;
		this.format = format;
		this.problemTypeBase = problemTypeBase;
		this.requestIdHeader = requestIdHeader;
		this.eventIdHeader = eventIdHeader;
		this.customizers = List.copyOf(customizers);
	}

	/** Write {@code error} to the uncommitted {@code response}, replacing anything buffered. */
	public void write(HttpServletRequest request, HttpServletResponse response, ResolvedError error,
			String requestId, @Nullable String eventId) throws IOException {
		Map<String, Object> body = (this.format == ErrorResponseFormat.PROBLEM_DETAILS)
				? problemBody(error, requestId, eventId) : standardBody(error, requestId, eventId);
		for (ErrorBodyCustomizer customizer : this.customizers) {
			customizer.customize(body, error, request);
		}
		byte[] bytes = this.objectMapper.writeValueAsBytes(body);
		response.resetBuffer();
		response.setStatus(error.status());
		error.headers().forEach((name, values) -> {
			response.setHeader(name, null);
			values.forEach((value) -> response.addHeader(name, value));
		});
		response.setHeader(this.requestIdHeader, requestId);
		if (eventId != null) {
			response.setHeader(this.eventIdHeader, eventId);
		}
		response.setHeader("Content-Disposition", null);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(contentType());
		response.setContentLength(bytes.length);
		try {
			response.getOutputStream().write(bytes);
		}
		catch (IllegalStateException writerAlreadyUsed) {
			response.getWriter().write(new String(bytes, StandardCharsets.UTF_8));
		}
	}

	private String contentType() {
		return (this.format == ErrorResponseFormat.PROBLEM_DETAILS) ? MediaType.APPLICATION_PROBLEM_JSON_VALUE
				: MediaType.APPLICATION_JSON_VALUE;
	}

	private Map<String, Object> standardBody(ResolvedError error, String requestId, @Nullable String eventId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error.code());
		body.put("message", error.message());
		body.put("details", error.details());
		body.put("requestId", requestId);
		if (eventId != null) {
			body.put("eventId", eventId);
		}
		return body;
	}

	private Map<String, Object> problemBody(ResolvedError error, String requestId, @Nullable String eventId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problemType(error.code()));
		HttpStatus status = HttpStatus.resolve(error.status());
		body.put("title", (status != null) ? status.getReasonPhrase() : error.code());
		body.put("status", error.status());
		body.put("detail", error.message());
		body.put("instance", "urn:request:" + requestId);
		body.put("error", error.code());
		body.put("details", error.details());
		body.put("requestId", requestId);
		if (eventId != null) {
			body.put("eventId", eventId);
		}
		return body;
	}

	private String problemType(String code) {
		if (this.problemTypeBase == null) {
			return "about:blank";
		}
		String slug = code.toLowerCase(Locale.ROOT).replace('_', '-');
		return this.problemTypeBase.resolve(slug).toString();
	}

}
