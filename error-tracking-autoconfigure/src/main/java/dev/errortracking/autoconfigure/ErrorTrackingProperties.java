package dev.errortracking.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.errortracking.context.RequestId;
import dev.errortracking.logging.LogFormat;
import dev.errortracking.web.ErrorResponseFormat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the error body, its mapping table, the request and user context and logging.
 */
@ConfigurationProperties("error-tracking")
public class ErrorTrackingProperties {

	/**
	 * Whether error tracking is enabled at all. When false, every part of the library backs off.
	 */
	private boolean enabled = true;

	private final Response response = new Response();

	private final RequestIdSettings requestId = new RequestIdSettings();

	private final Context context = new Context();

	private final UserSettings user = new UserSettings();

	private final Logging logging = new Logging();

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

	public Context getContext() {
		return this.context;
	}

	public UserSettings getUser() {
		return this.user;
	}

	public Logging getLogging() {
		return this.logging;
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

	/** Settings of the request context carried beyond the request thread. */
	public static class Context {

		/**
		 * Whether '@Async' and executor tasks started during a request run with its MDC (and Sentry scope).
		 */
		private boolean propagateToTasks = true;

		/**
		 * Whether Sentry events get the request id, route and method as tags and the user id from the MDC.
		 */
		private boolean sentryTags = true;

		public boolean isPropagateToTasks() {
			return this.propagateToTasks;
		}

		public void setPropagateToTasks(boolean propagateToTasks) {
			this.propagateToTasks = propagateToTasks;
		}

		public boolean isSentryTags() {
			return this.sentryTags;
		}

		public void setSentryTags(boolean sentryTags) {
			this.sentryTags = sentryTags;
		}

	}

	/** Settings of the user context. */
	public static class UserSettings {

		/**
		 * Whether the id of the authenticated user is put in the MDC as 'user_id' and on Sentry events.
		 */
		private boolean enabled = true;

		/**
		 * Whether the username is sent with Sentry events.
		 */
		private boolean includeUsername;

		/**
		 * Whether the email address is sent with Sentry events.
		 */
		private boolean includeEmail;

		/**
		 * Whether the client IP address is sent with Sentry events.
		 */
		private boolean includeIpAddress;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isIncludeUsername() {
			return this.includeUsername;
		}

		public void setIncludeUsername(boolean includeUsername) {
			this.includeUsername = includeUsername;
		}

		public boolean isIncludeEmail() {
			return this.includeEmail;
		}

		public void setIncludeEmail(boolean includeEmail) {
			this.includeEmail = includeEmail;
		}

		public boolean isIncludeIpAddress() {
			return this.includeIpAddress;
		}

		public void setIncludeIpAddress(boolean includeIpAddress) {
			this.includeIpAddress = includeIpAddress;
		}

	}

	/** Settings of the default log format, applied before the application starts. */
	public static class Logging {

		/**
		 * Whether the library chooses the console log format when the application has no logback
		 * configuration of its own.
		 */
		private boolean enabled = true;

		/**
		 * Console log format: 'json' lines, readable 'text', or 'auto' (json when a profile of
		 * 'json-profiles' is active, else text).
		 */
		private LogFormat format = LogFormat.AUTO;

		/**
		 * Profiles that switch the 'auto' format to json lines: 'prod', 'production' and 'staging' unless set.
		 */
		private List<String> jsonProfiles = new ArrayList<>(List.of("prod", "production", "staging"));

		private final StackTrace stackTrace = new StackTrace();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public LogFormat getFormat() {
			return this.format;
		}

		public void setFormat(LogFormat format) {
			this.format = format;
		}

		public List<String> getJsonProfiles() {
			return this.jsonProfiles;
		}

		public void setJsonProfiles(List<String> jsonProfiles) {
			this.jsonProfiles = jsonProfiles;
		}

		public StackTrace getStackTrace() {
			return this.stackTrace;
		}

		/** How stack traces are written to the log, in both formats. Sentry always gets them in full. */
		public static class StackTrace {

			/**
			 * Whether the library shortens logged stack traces. When false, they are logged in full.
			 */
			private boolean enabled = true;

			/**
			 * Stack frames kept per throwable, after folding.
			 */
			private int maxDepth = 40;

			/**
			 * Characters kept per stack trace.
			 */
			private int maxLength = 12_000;

			/**
			 * Whether runs of framework frames (servlet container, Spring MVC, Spring Security, filters, proxies,
			 * reflection) are folded into one line.
			 */
			private boolean foldFrameworkFrames = true;

			/**
			 * How long after a stack trace was logged in full the same stack trace is logged as one short line
			 * with a count. Zero logs every stack trace in full.
			 */
			private Duration repeatWindow = Duration.ofSeconds(10);

			/**
			 * Whether each frame names its jar and version (logback's packaging data, which Spring Boot's
			 * default configuration switches on). It costs class look-ups for every frame of every logged stack
			 * trace.
			 */
			private boolean jarVersions = false;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public int getMaxDepth() {
				return this.maxDepth;
			}

			public void setMaxDepth(int maxDepth) {
				this.maxDepth = maxDepth;
			}

			public int getMaxLength() {
				return this.maxLength;
			}

			public void setMaxLength(int maxLength) {
				this.maxLength = maxLength;
			}

			public boolean isFoldFrameworkFrames() {
				return this.foldFrameworkFrames;
			}

			public void setFoldFrameworkFrames(boolean foldFrameworkFrames) {
				this.foldFrameworkFrames = foldFrameworkFrames;
			}

			public boolean isJarVersions() {
				return this.jarVersions;
			}

			public void setJarVersions(boolean jarVersions) {
				this.jarVersions = jarVersions;
			}

			public Duration getRepeatWindow() {
				return this.repeatWindow;
			}

			public void setRepeatWindow(Duration repeatWindow) {
				this.repeatWindow = repeatWindow;
			}

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
