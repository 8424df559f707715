package dev.errortracking.privacy;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hint pass never keeps a rule from running on a text where that rule would replace something.
 */
class TextHintsTests {

	private static final List<ValueRule> RULES = BuiltInValueRules.inOrder(EnumSet.allOf(BuiltInRule.class));

	private static final String[] PARTS = { "Bearer ", "basic\t", "BEARER  ", "bearer", "eyJ", "hbGciOiJIUzI1NiJ9",
			".", "eyJzdWIiOiIxIn0", "c2lnbmF0dXJl", "-----BEGIN PRIVATE KEY-----", "MIIEvQ", "-----END PRIVATE KEY-----",
			"https://", "user:pa55@", "alice", "@", "%40", "example.com", "4111 1111 1111 1111", "4111-1111-",
			"5555555555554444", "078-05-1120", "123-45-6789", "192.168.", "10.0.0.1", "fe80::1", "2001:db8::",
			"::ffff:", "AKIAIOSFODNN7EXAMPLE", "GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "password=",
			"token: ", "x", "Z", "0", "9", " ", "-", "/", ":", "=", "é", "J", "y", "e", "\n", "\u00A0", "5.0", "537.36",
			"1.", ".2", "12-", "34-", "-5678", "-01", "078-05-", "-1120", "//", "u:p@", "a@b", "_", "(", "\t" };

	@ParameterizedTest
	@ValueSource(strings = { "Authorization: Bearer abcdefgh12345678", "basic\tdXNlcjpwYXNzd29yZA==",
			"token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "-----BEGIN RSA PRIVATE KEY-----\nMIIE",
			"https://bob:secret@host", "alice%40example.com", "card 4111-1111-1111-1111", "ssn 078-05-1120",
			"from 203.0.113.7", "via fe80::1ff:fe23:4567:890a", "key AKIAIOSFODNN7EXAMPLE",
			"iban GB82WEST12345698765432" })
	void hintsEveryRuleThatReplacesSomething(String text) {
		assertHintsCover(text);
		assertThat(scrubbedWithHints(text)).isNotEqualTo(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0d4c3f5e2b1a4e6f8a7b9c0d1e2f3a4b", "Order 8812 created with 3 items",
			"/api/orders/{id}/items", "INTERNAL_ERROR", "scheduling-1", "com.example.shop.OrderController",
			"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "released 2024-11-05" })
	void ordinaryTextsHintNoRule(String text) {
		assertThat(TextHints.of(text)).isZero();
	}

	@Test
	void hintsEveryRuleThatReplacesSomethingInRandomTexts() {
		Random random = new Random(20261202L);
		for (int n = 0; n < 40_000; n++) {
			StringBuilder text = new StringBuilder();
			int pieces = 1 + random.nextInt(10);
			for (int i = 0; i < pieces; i++) {
				text.append(PARTS[random.nextInt(PARTS.length)]);
			}
			assertHintsCover(text.toString());
		}
	}

	@Test
	void authSchemesAreHintedInEveryMixOfCase() {
		for (String scheme : List.of("bearer", "basic")) {
			for (int mask = 0; mask < (1 << scheme.length()); mask++) {
				StringBuilder mixed = new StringBuilder();
				for (int i = 0; i < scheme.length(); i++) {
					char c = scheme.charAt(i);
					mixed.append(((mask >> i) & 1) != 0 ? Character.toUpperCase(c) : c);
				}
				String text = "auth " + mixed + " dXNlcjpwYXNzd29yZA==";
				assertThat(TextHints.of(text) & TextHints.AUTH_SCHEME).as(text).isNotZero();
				assertHintsCover(text);
			}
		}
		assertThat(TextHints.of("a bearing and a basin") & TextHints.AUTH_SCHEME).isZero();
		assertThat(TextHints.of("ends with beare") & TextHints.AUTH_SCHEME).isZero();
		assertThat(TextHints.of("superbasic x-Bearer dXNlcjpwYXNzd29yZA== my_basic dXNlcjpwYXNzd29yZA==")
				& TextHints.AUTH_SCHEME).as("after a word character or a dash, as the rule's look-behind").isZero();
	}

	@Test
	void separatorHintFollowsEqualsSignsAndColons() {
		assertThat(TextHints.of("a=b") & TextHints.SEPARATOR).isNotZero();
		assertThat(TextHints.of("a: b") & TextHints.SEPARATOR).isNotZero();
		assertThat(TextHints.of("a b") & TextHints.SEPARATOR).isZero();
	}

	@Test
	void urlCredentialsHintNeedsAnAtSignAfterTheDoubleSlash() {
		assertThat(TextHints.of("https://shop.example.com/checkout?step=2") & TextHints.DOUBLE_SLASH).isZero();
		assertThat(TextHints.of("mail a@b.example, see https://shop.example.com") & TextHints.DOUBLE_SLASH).isZero();
		assertThat(TextHints.of("https://bob:pw@db.example.com") & TextHints.DOUBLE_SLASH).isNotZero();
	}

	private static void assertHintsCover(String text) {
		assertThat(scrubbedWithHints(text)).as(text).isEqualTo(scrubbedByEveryRule(text));
	}

	private static String scrubbedByEveryRule(String text) {
		String current = text;
		for (ValueRule rule : RULES) {
			current = rule.apply(current, StepBudget.count(current, Long.MAX_VALUE), "[F]");
		}
		return current;
	}

	private static String scrubbedWithHints(String text) {
		int hints = TextHints.of(text);
		String current = text;
		for (ValueRule rule : RULES) {
			if (rule.mayMatch(hints)) {
				current = rule.apply(current, StepBudget.count(current, Long.MAX_VALUE), "[F]");
			}
		}
		return current;
	}

}
