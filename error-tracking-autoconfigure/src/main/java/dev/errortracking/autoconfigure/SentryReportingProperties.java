package dev.errortracking.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of Sentry reporting. Sentry itself is configured with {@code sentry.*} and switched on
 * by {@code sentry.dsn}.
 */
@ConfigurationProperties("error-tracking.sentry")
public class SentryReportingProperties {

	/**
	 * Whether failures are reported to Sentry when a DSN is set.
	 */
	private boolean enabled = true;

	/**
	 * Lowest HTTP status of the failures that are reported.
	 */
	private int minStatus = 500;

	/**
	 * Highest HTTP status of the failures that are reported.
	 */
	private int maxStatus = 599;

	/**
	 * Class names of exceptions that are reported whatever their status, subclasses included. When an exception
	 * also matches 'never-report', the nearer supertype decides.
	 */
	private List<String> alwaysReport = new ArrayList<>();

	/**
	 * Class names of exceptions that are never reported, subclasses included.
	 */
	private List<String> neverReport = new ArrayList<>();

	/**
	 * Whether failures that are not reported, such as client errors, are recorded as breadcrumbs on the global
	 * scope, so that the next reported event shows them.
	 */
	private boolean breadcrumbs = true;

	/**
	 * Whether failures are not turned into events while Sentry's SDK would drop them anyway: Sentry asked for a pause,
	 * or the SDK's send queue overflowed within the last two seconds. The failure is still logged, and the SDK's
	 * client reports count the dropped events.
	 */
	private boolean dropWhenBacklogged = true;

	private final RepeatLimit repeatLimit = new RepeatLimit();

	/**
	 * Whether a failure's event is built and handed to Sentry's SDK once its response has been sent, on the request
	 * thread, so that the client does not wait for it. The event id in the body and the log line is then chosen
	 * before the SDK's callbacks run: an event that a before-send callback, the sample rate or the SDK's duplicate
	 * detection drops leaves an id that names no event.
	 */
	private boolean reportAfterResponse = false;

	/**
	 * Ant-style request paths that are never traced, in addition to the actuator endpoints.
	 */
	private List<String> untracedPaths = new ArrayList<>(List.of("/livez", "/readyz"));

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMinStatus() {
		return this.minStatus;
	}

	public void setMinStatus(int minStatus) {
		this.minStatus = minStatus;
	}

	public int getMaxStatus() {
		return this.maxStatus;
	}

	public void setMaxStatus(int maxStatus) {
		this.maxStatus = maxStatus;
	}

	public List<String> getAlwaysReport() {
		return this.alwaysReport;
	}

	public void setAlwaysReport(List<String> alwaysReport) {
		this.alwaysReport = alwaysReport;
	}

	public List<String> getNeverReport() {
		return this.neverReport;
	}

	public void setNeverReport(List<String> neverReport) {
		this.neverReport = neverReport;
	}

	public boolean isBreadcrumbs() {
		return this.breadcrumbs;
	}

	public void setBreadcrumbs(boolean breadcrumbs) {
		this.breadcrumbs = breadcrumbs;
	}

	public boolean isDropWhenBacklogged() {
		return this.dropWhenBacklogged;
	}

	public void setDropWhenBacklogged(boolean dropWhenBacklogged) {
		this.dropWhenBacklogged = dropWhenBacklogged;
	}

	public boolean isReportAfterResponse() {
		return this.reportAfterResponse;
	}

	public void setReportAfterResponse(boolean reportAfterResponse) {
		this.reportAfterResponse = reportAfterResponse;
	}

	public RepeatLimit getRepeatLimit() {
		return this.repeatLimit;
	}

	public List<String> getUntracedPaths() {
		return this.untracedPaths;
	}

	public void setUntracedPaths(List<String> untracedPaths) {
		this.untracedPaths = untracedPaths;
	}

	/**
	 * How many events are built for each kind of failure (exception type and route, the event's fingerprint).
	 */
	public static class RepeatLimit {

		/**
		 * Whether repeats of one kind of failure beyond 'events-per-second' are counted instead of built into
		 * events. Each is still logged; the SDK's client reports count it as 'sample_rate', and the next event of its
		 * kind carries how many were held back in its extra 'repeats_held_back'.
		 */
		private boolean enabled = true;

		/**
		 * Events per second built for each kind of failure, in bursts of up to one second's worth.
		 */
		private double eventsPerSecond = 10;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public double getEventsPerSecond() {
			return this.eventsPerSecond;
		}

		public void setEventsPerSecond(double eventsPerSecond) {
			this.eventsPerSecond = eventsPerSecond;
		}

	}

}
