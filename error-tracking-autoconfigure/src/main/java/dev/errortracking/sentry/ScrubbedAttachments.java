package dev.errortracking.sentry;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.sentry.Attachment;
import io.sentry.Hint;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * Scrubs the attachments an event or a transaction is about to carry. Text attachments are read once, scrubbed as a
 * body of their content type and sent as the scrubbed bytes; one that cannot be scrubbed safely (not valid UTF-8,
 * longer than the text limit, unreadable) is left out. Attachments that no rule can read (images, archives, other
 * binary content) are left out unless they are kept on purpose.
 */
final class ScrubbedAttachments {

	private static final int MAX_BYTES_PER_CHARACTER = 4;

	private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "log", "csv", "xml", "html", "htm", "md",
			"properties", "yaml", "yml");

	private final PrivacyScrubber scrubber;

	private final boolean keepBinary;

	ScrubbedAttachments(PrivacyScrubber scrubber, boolean keepBinary) {
		this.scrubber = scrubber;
		this.keepBinary = keepBinary;
	}

	void scrub(Hint hint) {
		List<Attachment> attachments = hint.getAttachments();
		if (!attachments.isEmpty()) {
			List<Attachment> scrubbed = new ArrayList<>(attachments.size());
			for (Attachment attachment : attachments) {
				Attachment kept = scrub(attachment);
				if (kept != null) {
					scrubbed.add(kept);
				}
			}
			hint.replaceAttachments(scrubbed);
		}
		hint.setThreadDump(scrub(hint.getThreadDump()));
		hint.setScreenshot(scrub(hint.getScreenshot()));
		hint.setViewHierarchy(scrub(hint.getViewHierarchy()));
		hint.setTombstone(scrub(hint.getTombstone()));
	}

	/** The attachment to send instead of {@code attachment}, or null to leave it out. */
	private Attachment scrub(Attachment attachment) {
		if (attachment == null) {
			return null;
		}
		String textType = (attachment.getSerializable() != null) ? null : textType(attachment);
		if (textType == null) {
			return this.keepBinary ? attachment : null;
		}
		byte[] content = content(attachment);
		if (content == null) {
			return null;
		}
		String scrubbed = this.scrubber.scrubBody(content, StandardCharsets.UTF_8, textType);
		if (scrubbed.equals(this.scrubber.replacement())) {
			return null;
		}
		byte[] scrubbedContent = scrubbed.getBytes(StandardCharsets.UTF_8);
		if (attachment.getBytes() != null && Arrays.equals(scrubbedContent, content)) {
			return attachment;
		}
		return new Attachment(scrubbedContent, attachment.getFilename(), attachment.getContentType(),
				attachment.getAttachmentType(), false);
	}

	/**
	 * The content as it is now, read once: from memory, from the attachment's provider or from its file, at most as
	 * many bytes as the longest text the rules scrub can take; null when it is longer or cannot be read.
	 */
	private byte[] content(Attachment attachment) {
		int limit = this.scrubber.rules().maxStringLength() * MAX_BYTES_PER_CHARACTER;
		try {
			byte[] content = attachment.getBytes();
			if (content == null && attachment.getByteProvider() != null) {
				content = attachment.getByteProvider().call();
			}
			if (content == null && attachment.getPathname() != null) {
				try (InputStream file = Files.newInputStream(Path.of(attachment.getPathname()))) {
					content = file.readNBytes(limit + 1);
				}
			}
			return (content != null && content.length <= limit) ? content : null;
		}
		catch (Exception ex) {
			return null;
		}
	}

	/**
	 * The content type to scrub the attachment as, or null when its content is not text: the attachment's own type
	 * if it names text, otherwise one guessed from the file name's extension.
	 */
	private static String textType(Attachment attachment) {
		String contentType = attachment.getContentType();
		String type = (contentType != null) ? contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip() : "";
		if (type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("yaml")
				|| type.equals("application/x-www-form-urlencoded")) {
			return type;
		}
		if (!type.isEmpty() && !type.equals("application/octet-stream")) {
			return null;
		}
		String filename = attachment.getFilename();
		int dot = (filename != null) ? filename.lastIndexOf('.') : -1;
		String extension = (dot >= 0) ? filename.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
		if (extension.equals("json")) {
			return "application/json";
		}
		return TEXT_EXTENSIONS.contains(extension) ? "text/plain" : null;
	}

}
