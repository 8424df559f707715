package dev.errortracking.test;

import java.nio.charset.StandardCharsets;

/**
 * An attachment as a {@link SentryReceiver} received it, in the envelope of the event or transaction it came with.
 *
 * @param eventId the id of the event or transaction in the same envelope, or null
 * @param filename the file name the SDK gave
 * @param contentType the content type the SDK gave, or null
 * @param content the attachment's bytes
 */
public record ReceivedAttachment(String eventId, String filename, String contentType, byte[] content) {

	/** The content decoded as UTF-8. */
	public String text() {
		return new String(this.content, StandardCharsets.UTF_8);
	}

}
