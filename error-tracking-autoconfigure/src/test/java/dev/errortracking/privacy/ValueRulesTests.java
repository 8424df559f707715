package dev.errortracking.privacy;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each built-in value rule on texts it must catch and on look-alikes it must leave alone.
 */
class ValueRulesTests {

	private final PrivacyScrubber scrubber = PrivacyScrubber.defaults();

	@ParameterizedTest
	@ValueSource(strings = { "alice@example.com", "alice.smith+tag@mail.example.co.uk", "ALICE_99@Example.ORG",
			"alice%40example.com" })
	void emailAddressesAreFiltered(String email) {
		assertFiltered("contact " + email + " now", email);
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice@localhost", "root@server", "@Override", "user@ host.com", "a@b.c" })
	void emailWithoutTopLevelDomainIsKept(String text) {
		assertKept(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "5555555555554444",
			"378282246310005", "6011111111111117", "2223003122003222", "3530111333300000" })
	void cardNumbersPassingLuhnAreFiltered(String card) {
		assertFiltered("paid with " + card + ".", card);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4111111111111112", "4111 1111 1111 1112", "1700000000000", "17000000000001234",
			"20240115103000123", "9111111111111111", "12345678901234567890123" })
	void numbersFailingLuhnOrIssuerPrefixAreKept(String number) {
		assertKept("id " + number + " done");
	}

	@ParameterizedTest
	@ValueSource(strings = { "card:4111111111111111", "(4111 1111 1111 1111)", "\"4111-1111-1111-1111\"",
			"4111111111111111", "cc=4111111111111111&cvv=1", "4111 111111 111111" })
	void cardNumbersBetweenPunctuationAreFiltered(String text) {
		assertFiltered(text, "4111");
	}

	@ParameterizedTest
	@ValueSource(strings = { "9d6a9276-6220-4674-8140-85adc3fae0ff", "277fd651-6408-4654-9173-2868a8f6e03b",
			"8bc0a6155957979475c70112474edc98", "34060824-0048-3030-6d57-0724b9dca5d4", "ref4111111111111111x" })
	void digitsInsideAnIdentifierAreNotACardNumber(String identifier) {
		assertKept(identifier);
		assertKept("request " + identifier + " failed");
	}

	@Test
	void generatedIdentifiersAreKept() {
		Random random = new Random(20261125L);
		for (int i = 0; i < 50_000; i++) {
			String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
			String traceId = String.format("%016x%016x", random.nextLong(), random.nextLong());
			String spanId = String.format("%016x", random.nextLong());
			assertThat(this.scrubber.scrubText(uuid)).isEqualTo(uuid);
			assertThat(this.scrubber.scrubText(traceId)).isEqualTo(traceId);
			if (!spanId.chars().allMatch(Character::isDigit)) {
				// 16 digits and nothing else cannot be told from a card number
				assertThat(this.scrubber.scrubText(spanId)).isEqualTo(spanId);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "123e4567-e89b-12d3-a456-426614174000", "2024-01-15T10:30:00.123Z",
			"Mon Jan 15 10:30:00 UTC 2024", "1705314600", "at com.example.Foo.bar(Foo.java:42)",
			"order 42 shipped in 3 days", "HTTP/1.1 500", "GET /api/v1/orders/{id}", "java.lang.IllegalStateException" })
	void ordinaryTextIsKept(String text) {
		assertKept(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "GB82WEST12345698765432",
			"GB82 WEST 1234 5698 7654 32", "FR1420041010050500013M02606", "NO9386011117947" })
	void ibansWithValidChecksumAreFiltered(String iban) {
		assertFiltered("transfer to " + iban + " AND MORE", iban);
		assertThat(this.scrubber.scrubText("transfer to " + iban + " AND MORE")).endsWith(" AND MORE");
	}

	@ParameterizedTest
	@ValueSource(strings = { "DE89370400440532013001", "XX89370400440532013000", "GB82WEST1234569876543" })
	void ibanLookAlikesAreKept(String text) {
		assertKept("ref " + text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer 9f8e7d6c5b4a3f2e1d0c", "bearer abc.def-ghi_jkl", "Basic dXNlcjpwYXNzd29yZA==" })
	void bearerAndBasicCredentialsAreFiltered(String header) {
		String secret = header.substring(header.indexOf(' ') + 1);
		String scrubbed = this.scrubber.scrubText("sent " + header + " upstream");
		assertThat(scrubbed).doesNotContain(secret).contains("[Filtered]").endsWith(" upstream");
	}

	@ParameterizedTest
	@ValueSource(strings = { "bearer authentication is required", "Basic information is missing",
			"Basic Zm9vYmFyYmF6cXV4" })
	void authenticationWordsInProseAreKept(String text) {
		assertKept(text);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
			"eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9." })
	void jsonWebTokensAreFiltered(String jwt) {
		assertFiltered("token in path /reset/" + jwt + "/confirm", jwt);
	}

	@ParameterizedTest
	@ValueSource(strings = { "RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY",
			"PGP PRIVATE KEY BLOCK" })
	void privateKeyBlocksAreFiltered(String kind) {
		String body = "MIIEowIBAAKCAQEAvx8c2tq\nbm9wZW5zc2gta2V5LXYxAAAA\n";
		String text = "key:\n-----BEGIN " + kind + "-----\n" + body + "-----END " + kind + "-----\ndone";
		String scrubbed = this.scrubber.scrubText(text);
		assertThat(scrubbed).doesNotContain("MIIEow").doesNotContain("bm9wZW5").endsWith("done");
	}

	@org.junit.jupiter.api.Test
	void privateKeyWithoutEndIsFilteredToTheEnd() {
		String scrubbed = this.scrubber.scrubText("-----BEGIN PRIVATE KEY-----\nMIIEowIBAAKCAQEAvx8c2tq");
		assertThat(scrubbed).isEqualTo("[Filtered]");
	}

	@org.junit.jupiter.api.Test
	void certificatesAndPublicKeysAreKept() {
		assertKept("-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----");
		assertKept("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0B\n-----END PUBLIC KEY-----");
	}

	@org.junit.jupiter.api.Test
	void credentialsInUrlsAreFiltered() {
		assertThat(this.scrubber.scrubText("connect postgres://admin:s3cr3t@db.internal:5432/app failed"))
			.isEqualTo("connect postgres://[Filtered]@db.internal:5432/app failed");
		assertThat(this.scrubber.scrubUrl("https://bob:hunter2@example.com/path"))
			.isEqualTo("https://[Filtered]@example.com/path");
	}

	@org.junit.jupiter.api.Test
	void urlsWithoutPasswordsAreKept() {
		assertKept("see https://example.com/docs/errors and //cdn.example.com/app.js");
	}

	@ParameterizedTest
	@ValueSource(strings = { "123-45-6789", "078-05-1120" })
	void socialSecurityNumbersAreFiltered(String ssn) {
		assertFiltered("ssn " + ssn + ".", ssn);
	}

	@ParameterizedTest
	@ValueSource(strings = { "000-12-3456", "666-12-3456", "123-00-4567", "123-45-0000", "2024-01-15", "555-1234",
			"1-800-555-0199", "12-345-6789" })
	void socialSecurityLookAlikesAreKept(String text) {
		assertKept("value " + text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "203.0.113.7", "10.0.0.1", "255.255.255.255", "2001:db8::8a2e:370:7334", "::1",
			"fe80::1", "::ffff:192.0.2.1", "2001:0db8:0000:0000:0000:ff00:0042:8329" })
	void ipAddressesAreFiltered(String ip) {
		assertFiltered("client " + ip + " refused", ip);
		assertFiltered("client " + ip + ".", ip);
	}

	@ParameterizedTest
	@ValueSource(strings = { "version 1.2.3", "1.2.3.4.5", "256.1.1.1", "10:30:00", "Foo::bar", "std::vector",
			"12:34", "a:b:c", "ratio 3.14" })
	void ipLookAlikesAreKept(String text) {
		assertKept(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A" })
	void awsAccessKeysAreFiltered(String key) {
		assertFiltered("aws " + key + " used", key);
	}

	@ParameterizedTest
	@ValueSource(strings = { "AKIAIOSFODNN7EXAMPL", "AKIAIOSFODNN7EXAMPLEX", "XKIAIOSFODNN7EXAMPLE" })
	void awsLookAlikesAreKept(String text) {
		assertKept("key " + text);
	}

	@org.junit.jupiter.api.Test
	void valuesAfterSensitiveKeysInTextAreFiltered() {
		assertThat(this.scrubber.scrubText("login password=hunter2&user=bob"))
			.isEqualTo("login password=[Filtered]&user=bob");
		assertThat(this.scrubber.scrubText("{\"api_key\": \"abc\", \"name\": \"x\"}"))
			.isEqualTo("{\"api_key\": \"[Filtered]\", \"name\": \"x\"}");
		assertThat(this.scrubber.scrubText("payload {\\\"token\\\":\\\"abc\\\"}"))
			.isEqualTo("payload {\\\"token\\\":\\\"[Filtered]\\\"}");
		assertThat(this.scrubber.scrubText("Authorization: Bearer xyz and more"))
			.isEqualTo("Authorization: [Filtered] and more");
		assertThat(this.scrubber.scrubText("Key (api_token)=(abc123) already exists."))
			.isEqualTo("Key (api_token)=([Filtered]) already exists.");
		assertThat(this.scrubber.scrubText("spring.datasource.password = s3cret"))
			.isEqualTo("spring.datasource.password = [Filtered]");
		assertThat(this.scrubber.scrubText("Cookie: SESSION=abc123; theme=dark"))
			.isEqualTo("Cookie: SESSION=[Filtered]; theme=dark");
	}

	@org.junit.jupiter.api.Test
	void postgresqlDuplicateKeyMessageComesOutClean() {
		String message = "ERROR: duplicate key value violates unique constraint \"users_email_key\"\n"
				+ "  Detail: Key (email)=(alice@example.com) already exists.";
		String scrubbed = this.scrubber.scrubText(message);
		assertThat(scrubbed).doesNotContain("alice").contains("Key (email)=([Filtered]) already exists.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "status=500&route=/orders", "InvalidTokenException: expired at noon",
			"io.jsonwebtoken.ExpiredJwtException: JWT expired", "a == b", "token == null", "http://example.com:8080/x" })
	void keyValueLookAlikesAreKept(String text) {
		assertKept(text);
	}

	@org.junit.jupiter.api.Test
	void builtInRulesCanBeSwitchedOff() {
		PrivacyScrubber scrubber = new PrivacyScrubber(
				PrivacyRules.builder().disable(EnumSet.of(BuiltInRule.IP_ADDRESS, BuiltInRule.EMAIL)).build());
		assertThat(scrubber.scrubText("alice@example.com from 10.0.0.1 card 4111111111111111"))
			.isEqualTo("alice@example.com from 10.0.0.1 card [Filtered]");
	}

	@org.junit.jupiter.api.Test
	void extraRulesAndReplacementApply() {
		PrivacyScrubber scrubber = new PrivacyScrubber(PrivacyRules.builder()
			.replacement("***")
			.rule(ValueRule.of("order", "ORD-\\d{6}"))
			.rule(ValueRule.of("pin", "pin (?<secret>\\d{4})"))
			.build());
		assertThat(scrubber.scrubText("ORD-123456 pin 1234 by alice@example.com"))
			.isEqualTo("*** pin *** by ***");
	}

	@org.junit.jupiter.api.Test
	void noRulesKeepEverything() {
		String text = "alice@example.com password=x 4111111111111111";
		assertThat(PrivacyScrubber.passThrough().scrubText(text)).isSameAs(text);
		assertThat(PrivacyScrubber.passThrough().scrub(List.of(text))).isEqualTo(List.of(text));
	}

	private void assertFiltered(String text, String secret) {
		String scrubbed = this.scrubber.scrubText(text);
		assertThat(scrubbed).as("scrubbed %s", text).doesNotContain(secret).contains("[Filtered]");
	}

	private void assertKept(String text) {
		assertThat(this.scrubber.scrubText(text)).isEqualTo(text);
	}

}
