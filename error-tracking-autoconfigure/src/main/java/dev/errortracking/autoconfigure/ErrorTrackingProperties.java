package dev.errortracking.autoconfigure;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.errortracking.context.RequestId;
import dev.errortracking.web.ErrorResponseFormat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the error body, its mapping table and the request id.
 */
@ConfigurationProperties("error-tracking")
public class ErrorTrackingProperties {

	/**
	 * Whether error tracking is enabled at all. When false, every part of the library backs off.
	 */
	private boolean enabled = true;

	private final Response response = new Response();

	private final RequestIdSettings requestId = new RequestIdSettings();

	/**
	 * Status and error code per exception class name, applied to subclasses too, overriding the built-in mapping.
	 */
	private final Map<String, ExceptionMapping> exceptions = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Response getResponse() {
		return this.response;
	}

	public RequestIdSettings getRequestId() {
		return this.requestId;
	}

	public Map<String, ExceptionMapping> getExceptions() {
		return this.exceptions;
	}

	/** Settings of the error body. */
	public static class Response {

		/**
		 * Whether the library writes the error body for controllers, filters, sendError and the error path.
		 */
		private boolean enabled = true;

		/**
		 * Shape of the error body: 'standard' JSON or RFC 9457 'problem-details'.
		 */
		private ErrorResponseFormat format = ErrorResponseFormat.STANDARD;

		/**
		 * Base URI of the problem 'type' member, resolved against the lower-case error code (such as
		 * 'not-found'). When not set, the type is 'about:blank'.
		 */
		private URI problemTypeBase;

		/**
		 * Response header that carries the id of the reported error event.
		 */
		private String eventIdHeader = "X-Event-Id";

		/**
		 * Whether errors that the servlet container answers before a request reaches the application, such as a
		 * malformed request line, header or URI, get the error body too (Tomcat only).
		 */
		private boolean containerErrors = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public ErrorResponseFormat getFormat() {
			return this.format;
		}

		public void setFormat(ErrorResponseFormat format) {
			this.format = format;
		}

		public URI getProblemTypeBase() {
			return this.problemTypeBase;
		}

		public void setProblemTypeBase(URI problemTypeBase) {
			this.problemTypeBase = problemTypeBase;
		}

		public String getEventIdHeader() {
			return this.eventIdHeader;
		}

		public void setEventIdHeader(String eventIdHeader) {
			this.eventIdHeader = eventIdHeader;
		}

		public boolean isContainerErrors() {
			return this.containerErrors;
		}

		public void setContainerErrors(boolean containerErrors) {
			this.containerErrors = containerErrors;
		}

	}

	/** Settings of the request id. */
	public static class RequestIdSettings {

		/**
		 * Whether a request id is kept or created for every request and echoed in a response header.
		 */
		private boolean enabled = true;

		/**
		 * Header that carries the request id in and out.
		 */
		private String header = RequestId.DEFAULT_HEADER;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getHeader() {
			return this.header;
		}

		public void setHeader(String header) {
			this.header = header;
		}

	}

	/** The status and error code for one exception class. */
	public static class ExceptionMapping {

		/**
		 * HTTP status for the exception class. When not set, the mapped status is kept.
		 */
		private Integer status;

		/**
		 * Error code for the exception class. When not set, the code of the status is used.
		 */
		private String code;

		public Integer getStatus() {
			return this.status;
		}

		public void setStatus(Integer status) {
			this.status = status;
		}

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

	}

}
