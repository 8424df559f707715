package dev.errortracking.sentry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.sentry.Attachment;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.SentryTransaction;
import io.sentry.protocol.TransactionInfo;
import io.sentry.protocol.ViewHierarchy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.errortracking.privacy.PrivacyRules;
import dev.errortracking.privacy.PrivacyScrubber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attachments of events and transactions as the Sentry callbacks leave them in the hint, from which the SDK builds
 * the envelope after the callback.
 */
class ScrubbedAttachmentsTests {

	private static final String NOTES = "Customer alice@example.com called, password=hunter2, order 8812";

	private final PrivacyScrubber scrubber = PrivacyScrubber.defaults();

	@TempDir
	Path directory;

	@Test
	void textAttachmentsAreSentAsTheirScrubbedContentFromWhereverTheyCome() throws IOException {
		Path log = Files.writeString(this.directory.resolve("app.log"), NOTES, StandardCharsets.UTF_8);
		Hint hint = new Hint();
		hint.addAttachment(new Attachment(utf8(NOTES), "notes.txt", "text/plain"));
		hint.addAttachment(new Attachment(utf8("{\"email\":\"bob@example.com\",\"token\":\"t0k3n\",\"items\":3}"),
				"order.json", "application/json; charset=utf-8"));
		hint.addAttachment(new Attachment(log.toString()));
		hint.addAttachment(Attachment.fromByteProvider(() -> utf8("card 4111 1111 1111 1111 declined"), "payment.csv",
				null, false));
		hint.setThreadDump(Attachment.fromThreadDump(utf8("\"worker\" holding lock for carol@example.com")));

		new ScrubbingBeforeSendCallback(this.scrubber).execute(new SentryEvent(), hint);

		assertThat(hint.getAttachments()).extracting(Attachment::getFilename)
			.containsExactly("notes.txt", "order.json", "app.log", "payment.csv");
		assertThat(hint.getAttachments()).extracting(ScrubbedAttachmentsTests::text)
			.containsExactly("Customer [Filtered] called, password=[Filtered], order 8812",
					"{\"email\":\"[Filtered]\",\"token\":\"[Filtered]\",\"items\":3}",
					"Customer [Filtered] called, password=[Filtered], order 8812", "card [Filtered] declined");
		assertThat(hint.getAttachments()).extracting(Attachment::getContentType)
			.containsExactly("text/plain", "application/json; charset=utf-8", null, null);
		assertThat(text(hint.getThreadDump())).isEqualTo("\"worker\" holding lock for [Filtered]");
	}

	@Test
	void aTextAttachmentWithNothingToScrubIsSentAsItIs() {
		Attachment clean = new Attachment(utf8("order 8812 shipped"), "status.txt", "text/plain");
		Hint hint = Hint.withAttachment(clean);
		new ScrubbingBeforeSendCallback(this.scrubber).execute(new SentryEvent(), hint);
		assertThat(hint.getAttachments()).singleElement().isSameAs(clean);
	}

	@Test
	void attachmentsNoRuleCanReadAreLeftOutUnlessTheApplicationKeepsThem() {
		Attachment image = new Attachment(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "avatar.png", "image/png");
		Attachment unknown = new Attachment(utf8("password=hunter2"), "dump.bin");
		Attachment pdf = new Attachment(utf8("password=hunter2"), "report.txt", "application/pdf");
		Attachment screenshot = Attachment.fromScreenshot(new byte[] { 1, 2, 3 });
		Attachment viewHierarchy = Attachment.fromViewHierarchy(new ViewHierarchy("android_view_system", List.of()));

		Hint dropped = hint(image, unknown, pdf, viewHierarchy);
		dropped.setScreenshot(screenshot);
		new ScrubbingBeforeSendCallback(this.scrubber).execute(new SentryEvent(), dropped);
		assertThat(dropped.getAttachments()).isEmpty();
		assertThat(dropped.getScreenshot()).isNull();

		Hint kept = hint(image, unknown, pdf, viewHierarchy);
		kept.setScreenshot(screenshot);
		new ScrubbingBeforeSendCallback(this.scrubber, true).execute(new SentryEvent(), kept);
		assertThat(kept.getAttachments()).containsExactly(image, unknown, pdf, viewHierarchy);
		assertThat(kept.getScreenshot()).isSameAs(screenshot);
	}

	@Test
	void textThatCannotBeScrubbedSafelyIsLeftOut() throws IOException {
		PrivacyScrubber shortTexts = new PrivacyScrubber(PrivacyRules.builder().maxStringLength(64).build());
		Path longLog = Files.writeString(this.directory.resolve("long.log"), "y".repeat(300) + " bob@example.com");
		Hint hint = hint(new Attachment(new byte[] { 'p', 'w', '=', (byte) 0xC3, (byte) 0x28 }, "bad.txt", "text/plain"),
				new Attachment(utf8("x".repeat(80) + " alice@example.com"), "long.txt", "text/plain"),
				new Attachment(longLog.toString()),
				new Attachment(this.directory.resolve("missing.log").toString()),
				Attachment.fromByteProvider(() -> {
					throw new IOException("gone");
				}, "failing.txt", "text/plain", false),
				new Attachment(utf8("{\"password\": \"hunter2\""), "broken.json", "application/json"),
				new Attachment(utf8("short and clean"), "kept.txt", "text/plain"));
		new ScrubbingBeforeSendCallback(shortTexts).execute(new SentryEvent(), hint);
		assertThat(hint.getAttachments()).extracting(Attachment::getFilename).containsExactly("kept.txt");
	}

	@Test
	void transactionsAttachmentsAreScrubbedTheSameWay() {
		Hint hint = hint(new Attachment(utf8(NOTES), "notes.txt", "text/plain"),
				new Attachment(new byte[] { 1, 2 }, "blob.bin", "application/octet-stream"));
		SentryTransaction transaction = new SentryTransaction("GET /orders", 1.0, 2.0, List.of(), Map.of(),
				new TransactionInfo("route"));
		new ScrubbingBeforeSendTransactionCallback(this.scrubber).execute(transaction, hint);
		assertThat(hint.getAttachments()).extracting(ScrubbedAttachmentsTests::text)
			.containsExactly("Customer [Filtered] called, password=[Filtered], order 8812");
	}

	private static Hint hint(Attachment... attachments) {
		return Hint.withAttachments(List.of(attachments));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(Attachment attachment) {
		return new String(attachment.getBytes(), StandardCharsets.UTF_8);
	}

}
