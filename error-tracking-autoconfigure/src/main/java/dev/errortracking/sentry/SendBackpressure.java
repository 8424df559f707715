package dev.errortracking.sentry;

import io.sentry.DataCategory;
import io.sentry.IScopes;
import io.sentry.clientreport.DiscardReason;
import io.sentry.transport.RateLimiter;

import org.springframework.lang.Nullable;

/**
 * Tells, before an error event is built, whether the SDK would drop it anyway: Sentry asked for a pause in sending
 * errors, or the send queue overflowed within the last moments. Building the event (its frames, the request, the
 * scrubbing) is most of what reporting costs a request, so in an error storm that work is skipped while the SDK
 * cannot send it, and the drop is counted in the SDK's client reports.
 */
final class SendBackpressure {

	private final IScopes scopes;

	SendBackpressure(IScopes scopes) {
		this.scopes = scopes;
	}

	/**
	 * Whether an error event would be dropped now; if so, the drop is recorded in the SDK's client report.
	 */
	boolean dropsEvent() {
		DiscardReason reason = dropReason();
		if (reason == null) {
			return false;
		}
		this.scopes.getOptions().getClientReportRecorder().recordLostEvent(reason, DataCategory.Error);
		return true;
	}

	@Nullable
	private DiscardReason dropReason() {
		RateLimiter rateLimiter = this.scopes.getRateLimiter();
		if (rateLimiter != null && rateLimiter.isActiveForCategory(DataCategory.Error)) {
			return DiscardReason.RATELIMIT_BACKOFF;
		}
		boolean otherRateLimit = rateLimiter != null && rateLimiter.isAnyRateLimitActive();
		// Without a rate limit, the transport is unhealthy only because its queue rejected an envelope recently.
		return (!otherRateLimit && !this.scopes.isHealthy()) ? DiscardReason.BACKPRESSURE : null;
	}

}
