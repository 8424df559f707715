package dev.errortracking.sentry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.sentry.Hint;
import io.sentry.SentryOptions;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * Scrubs every transaction before Sentry sends it: span descriptions and data, plus the parts it shares with events.
 * A transaction whose name itself holds a secret is dropped, since the SDK offers no way to rename it.
 */
public class ScrubbingBeforeSendTransactionCallback implements SentryOptions.BeforeSendTransactionCallback {

	private final ScrubbingEventSupport support;

	public ScrubbingBeforeSendTransactionCallback(PrivacyScrubber scrubber) {
		this(scrubber, false);
	}

	/**
	 * A callback that also sends attachments no rule can read (images, archives, other binary files) as they are,
	 * when {@code keepBinaryAttachments}; text attachments are scrubbed either way.
	 */
	public ScrubbingBeforeSendTransactionCallback(PrivacyScrubber scrubber, boolean keepBinaryAttachments) {
		this.support = new ScrubbingEventSupport(scrubber, keepBinaryAttachments);
	}

	@Override
	public SentryTransaction execute(SentryTransaction transaction, Hint hint) {
		String name = transaction.getTransaction();
		if (name != null && !this.support.scrubber().scrubText(name).equals(name)) {
			return null;
		}
		ScrubbingEventSupport.guard(() -> scrubSpans(transaction.getSpans()), () -> transaction.getSpans().clear());
		ScrubbingEventSupport.guard(() -> transaction.setUnknown(this.support.scrubObjects(transaction.getUnknown())),
				() -> transaction.setUnknown(null));
		this.support.scrubAttachments(hint);
		this.support.scrubBaseEvent(transaction);
		return transaction;
	}

	private void scrubSpans(List<SentrySpan> spans) {
		for (int i = 0; i < spans.size(); i++) {
			SentrySpan span = spans.get(i);
			String description = this.support.scrubber().scrubText(span.getDescription());
			Map<String, String> tags = this.support.scrubStrings(span.getTags());
			Map<String, Object> data = this.support.scrubObjects(span.getData());
			SentrySpan scrubbed = new SentrySpan(span.getStartTimestamp(), span.getTimestamp(), span.getTraceId(),
					span.getSpanId(), span.getParentSpanId(), span.getOp(), description, span.getStatus(),
					span.getOrigin(), (tags != null) ? tags : new HashMap<>(), span.getMeasurements(), data);
			scrubbed.setUnknown(this.support.scrubObjects(span.getUnknown()));
			spans.set(i, scrubbed);
		}
	}

}
