package dev.errortracking.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) of identifying values: the same value gives the same pseudonym under the same key, and
 * without the key a list of candidate values (email addresses, usernames) cannot be matched against it.
 */
final class Pseudonyms {

	private static final int LENGTH = 32;

	private static final String ALGORITHM = "HmacSHA256";

	/** The key of every rule set that has none of its own: drawn once per process. */
	private static final byte[] PROCESS_KEY = randomKey();

	private final SecretKeySpec key;

	Pseudonyms(byte[] key) {
		this.key = new SecretKeySpec((key != null) ? key : PROCESS_KEY, ALGORITHM);
	}

	String of(String value) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, LENGTH);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("No " + ALGORITHM + " in this JVM", ex);
		}
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

}
