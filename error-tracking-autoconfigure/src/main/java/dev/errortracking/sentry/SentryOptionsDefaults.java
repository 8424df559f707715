package dev.errortracking.sentry;

import io.sentry.Sentry;
import io.sentry.SentryOptions;

import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.core.env.Environment;
import org.springframework.lang.Nullable;

/**
 * Production-safe Sentry settings, each applied only when the application did not set the {@code sentry.*}
 * property: transport timeouts of seconds, a send queue that holds a burst of failures, bounded flush and shutdown
 * waits, the environment from the active profile and the release from the build info.
 */
public class SentryOptionsDefaults implements Sentry.OptionsConfiguration<SentryOptions> {

	/** Default connect timeout. */
	public static final int CONNECTION_TIMEOUT_MILLIS = 3000;

	/** Default read timeout. */
	public static final int READ_TIMEOUT_MILLIS = 5000;

	/** Default number of envelopes waiting to be sent. */
	public static final int MAX_QUEUE_SIZE = 1000;

	/** Default wait for pending events when the SDK closes. */
	public static final long SHUTDOWN_TIMEOUT_MILLIS = 2000;

	/** Default wait for the sender to stop when the SDK closes, and for a flush. */
	public static final long FLUSH_TIMEOUT_MILLIS = 2000;

	private final Environment environment;

	@Nullable
	private final BuildProperties build;

	@Nullable
	private final GitProperties git;

	/**
	 * Create the defaults.
	 * @param environment the application's environment, which tells which properties are set
	 * @param build the build info, if any
	 * @param git the git info, if any
	 */
	public SentryOptionsDefaults(Environment environment, @Nullable BuildProperties build,
			@Nullable GitProperties git) {
		this.environment = environment;
		this.build = build;
		this.git = git;
	}

	@Override
	public void configure(SentryOptions options) {
		if (isUnset("connection-timeout-millis")) {
			options.setConnectionTimeoutMillis(CONNECTION_TIMEOUT_MILLIS);
		}
		if (isUnset("read-timeout-millis")) {
			options.setReadTimeoutMillis(READ_TIMEOUT_MILLIS);
		}
		if (isUnset("max-queue-size")) {
			options.setMaxQueueSize(MAX_QUEUE_SIZE);
		}
		if (isUnset("shutdown-timeout-millis")) {
			options.setShutdownTimeoutMillis(SHUTDOWN_TIMEOUT_MILLIS);
		}
		if (isUnset("flush-timeout-millis")) {
			options.setFlushTimeoutMillis(FLUSH_TIMEOUT_MILLIS);
		}
		String[] profiles = this.environment.getActiveProfiles();
		if (isUnset("environment") && profiles.length > 0) {
			options.setEnvironment(profiles[0]);
		}
		if (isUnset("release") && this.build != null && this.build.getVersion() != null) {
			options.setRelease(release(this.build, this.git));
		}
	}

	private boolean isUnset(String sentryProperty) {
		return !this.environment.containsProperty("sentry." + sentryProperty);
	}

	private static String release(BuildProperties build, @Nullable GitProperties git) {
		String name = (build.getArtifact() != null) ? build.getArtifact() : build.getName();
		String release = ((name != null) ? name + "@" : "") + build.getVersion();
		String commit = (git != null) ? git.getShortCommitId() : null;
		return (commit != null) ? release + "+" + commit : release;
	}

}
