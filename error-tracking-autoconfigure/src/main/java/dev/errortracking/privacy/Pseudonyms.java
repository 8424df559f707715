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

	/** A MAC set up with the key for each thread: looking the algorithm up and keying it cost more than hashing. */
	private final ThreadLocal<Mac> macs;

	Pseudonyms(byte[] key) {
		this.key = new SecretKeySpec((key != null) ? key : PROCESS_KEY, ALGORITHM);
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	String of(String value) {
		byte[] digest = this.macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac;
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
