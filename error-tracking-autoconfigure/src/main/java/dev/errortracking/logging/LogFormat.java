package dev.errortracking.logging;

/**
 * The console log format chosen when the application has no logback configuration of its own.
 */
public enum LogFormat {

	/** JSON lines when a production-like profile is active, readable text otherwise. */
	AUTO,

	/** One JSON object per line, written by logstash-logback-encoder. */
	JSON,

	/** Spring Boot's readable console pattern, with the request id. */
	TEXT

}
