package dev.errortracking.privacy;

/**
 * The built-in value rules, each of which can be switched off.
 */
public enum BuiltInRule {

	/** Email addresses with a top-level domain, also with {@code %40} for the at sign. */
	EMAIL,

	/**
	 * Payment card numbers of 13 to 19 digits with a card-issuer prefix and a valid Luhn check digit, not glued to a
	 * letter or digit and, when written in groups, with a first group of four digits, so that identifiers such as
	 * UUIDs and trace ids are kept.
	 */
	CARD_NUMBER,

	/** IBANs of a known country with the length of that country and a valid mod-97 checksum. */
	IBAN,

	/** Credentials after {@code Bearer} and {@code Basic} (the latter only when it decodes to user:password). */
	BEARER_TOKEN,

	/** JSON Web Tokens. */
	JWT,

	/** PEM private-key blocks, from BEGIN to END or to the end of the text. */
	PRIVATE_KEY,

	/** User and password in URLs ({@code //user:pass@host}). */
	URL_CREDENTIALS,

	/** US social security numbers written as {@code 123-45-6789}. */
	US_SSN,

	/** IPv4 and IPv6 addresses. */
	IP_ADDRESS,

	/** AWS access key ids such as {@code AKIA...}. */
	AWS_ACCESS_KEY,

	/** Values written after a sensitive key inside text: {@code password=...}, {@code "token": "..."}, {@code Key (secret)=(...)}. */
	KEY_VALUE_TEXT

}
