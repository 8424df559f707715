package dev.errortracking.sentry;

import java.util.ArrayList;
import java.util.List;

import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.SentryThread;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * Scrubs every event before Sentry sends it: exception values of the whole cause chain, message, request, extra,
 * contexts, tags, breadcrumbs, and the user, who is reduced to a stable id unless the application opts in.
 */
public class ScrubbingBeforeSendCallback implements SentryOptions.BeforeSendCallback {

	private final ScrubbingEventSupport support;

	public ScrubbingBeforeSendCallback(PrivacyScrubber scrubber) {
		this(scrubber, false);
	}

	/**
	 * A callback that also sends attachments no rule can read (images, archives, other binary files) as they are,
	 * when {@code keepBinaryAttachments}; text attachments are scrubbed either way.
	 */
	public ScrubbingBeforeSendCallback(PrivacyScrubber scrubber, boolean keepBinaryAttachments) {
		this.support = new ScrubbingEventSupport(scrubber, keepBinaryAttachments);
	}

	@Override
	public SentryEvent execute(SentryEvent event, Hint hint) {
		PrivacyScrubber scrubber = this.support.scrubber();
		ScrubbingEventSupport.guard(() -> scrubExceptions(event.getExceptions()), () -> event.setExceptions(null));
		ScrubbingEventSupport.guard(() -> scrubMessage(event.getMessage()), () -> event.setMessage(null));
		ScrubbingEventSupport.guard(() -> scrubThreads(event.getThreads()), () -> event.setThreads(null));
		ScrubbingEventSupport.guard(() -> event.setTransaction(scrubber.scrubText(event.getTransaction())),
				() -> event.setTransaction(null));
		ScrubbingEventSupport.guard(() -> event.setFingerprints(scrubTexts(event.getFingerprints())),
				() -> event.setFingerprints(null));
		ScrubbingEventSupport.guard(() -> event.setUnknown(this.support.scrubObjects(event.getUnknown())),
				() -> event.setUnknown(null));
		this.support.scrubAttachments(hint);
		this.support.scrubBaseEvent(event);
		return event;
	}

	private void scrubExceptions(List<SentryException> exceptions) {
		if (exceptions == null) {
			return;
		}
		PrivacyScrubber scrubber = this.support.scrubber();
		for (SentryException exception : exceptions) {
			exception.setValue(scrubber.scrubText(exception.getValue()));
			this.support.scrubStackTrace(exception.getStacktrace());
			Mechanism mechanism = exception.getMechanism();
			if (mechanism != null) {
				mechanism.setDescription(scrubber.scrubText(mechanism.getDescription()));
				mechanism.setData(this.support.scrubObjects(mechanism.getData()));
				mechanism.setMeta(this.support.scrubObjects(mechanism.getMeta()));
			}
			if (exception.getUnknown() != null) {
				exception.setUnknown(this.support.scrubObjects(exception.getUnknown()));
			}
		}
	}

	private void scrubMessage(Message message) {
		if (message == null) {
			return;
		}
		PrivacyScrubber scrubber = this.support.scrubber();
		message.setFormatted(scrubber.scrubText(message.getFormatted()));
		message.setMessage(scrubber.scrubText(message.getMessage()));
		message.setParams(scrubTexts(message.getParams()));
	}

	private void scrubThreads(List<SentryThread> threads) {
		if (threads != null) {
			threads.forEach((thread) -> this.support.scrubStackTrace(thread.getStacktrace()));
		}
	}

	private List<String> scrubTexts(List<String> texts) {
		if (texts == null) {
			return null;
		}
		List<String> result = new ArrayList<>(texts.size());
		texts.forEach((text) -> result.add(this.support.scrubber().scrubText(text)));
		return result;
	}

}
