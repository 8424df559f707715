package dev.errortracking.privacy;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain tokens are told eight characters at a time, exactly as one character at a time would tell them, and no
 * rule can match one.
 */
class PlainTokensTests {

	private static final List<ValueRule> RULES = BuiltInValueRules.inOrder(EnumSet.allOf(BuiltInRule.class));

	private static final String ALPHABET = "abcdefxyz0123456789-_/{|}~`"
			+ "AZ@%.:= \t\n\u00e9\u0161\u4e2d\u007f\u0080!\"#$&'()*+,;<>?[\\]^";

	@ParameterizedTest
	@ValueSource(strings = { "", "a", "0d4c3f5e2b1a4e6f8a7b9c0d1e2f3a4b", "0d4c3f5e-2b1a-4e6f-8a7b-9c0d1e2f3a4b",
			"/api/orders/{id}/items", "http-nio-8080-exec-1", "order-8812", "v2024-11-05", "0123456789",
			"a0123456789a0123456789", "4bf92f3577b34da6", "scheduling-1", "snake_case_name", "~user/`x`|y" })
	void idsSlugsAndPathsArePlainTokens(String text) {
		assertThat(PlainTokens.isPlainToken(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "01234567890", "4111111111111111", "078-05-1120", "4111-1111-1111-1111",
			"2024/11/05/12", "Order-1", "order 1", "order.1", "a@b", "a%40b", "a:b", "a=b", "eyj\u00e9",
			"caf\u00e9", "\u0161", "x\u007f", "[Filtered]", "abc\n" })
	void textsThatARuleCouldMatchOrThatHoldOtherCharactersAreNot(String text) {
		assertThat(PlainTokens.isPlainToken(text)).isFalse();
	}

	@Test
	void runsOfElevenAreFoundAtEveryOffsetAndTenAreNot() {
		for (int length = 10; length <= 11; length++) {
			for (int offset = 0; offset < 40; offset++) {
				String text = "x".repeat(offset) + "1-2/".repeat(3).substring(0, length) + "x".repeat(40 - offset);
				assertThat(PlainTokens.isPlainToken(text)).as(text).isEqualTo(length < 11);
			}
		}
	}

	@Test
	void longTextsAreLeftToTheHintPass() {
		assertThat(PlainTokens.isPlainToken("a".repeat(PlainTokens.MAX_LENGTH))).isTrue();
		assertThat(PlainTokens.isPlainToken("a".repeat(PlainTokens.MAX_LENGTH + 1))).isFalse();
	}

	@Test
	void byteTestsAgreeWithCharacterTestsInEveryLane() {
		Random random = new Random(20261203L);
		for (int value = 0; value < 256; value++) {
			for (int lane = 0; lane < 8; lane++) {
				long word = random.nextLong() & ~(0xFFL << (8 * lane)) | ((long) value << (8 * lane));
				int bit = 1 << lane;
				assertThat((PlainTokens.lanes(PlainTokens.inRange(word, '/', '9')) & bit) != 0)
					.isEqualTo(value >= '/' && value <= '9');
				assertThat((PlainTokens.lanes(PlainTokens.inRange(word, '_', '~')) & bit) != 0)
					.isEqualTo(value >= '_' && value <= '~');
				assertThat((PlainTokens.lanes(PlainTokens.equal(word, '-')) & bit) != 0).isEqualTo(value == '-');
			}
		}
	}

	@Test
	void agreesWithACharacterAtATimeDefinitionOnRandomTexts() {
		Random random = new Random(20261203L);
		int plain = 0;
		for (int n = 0; n < 200_000; n++) {
			String text = randomText(random, (n % 3 == 0) ? ALPHABET : ALPHABET.substring(0, 27));
			boolean expected = isPlainOneByOne(text);
			assertThat(PlainTokens.isPlainToken(text)).as(text).isEqualTo(expected);
			plain += expected ? 1 : 0;
		}
		assertThat(plain).isGreaterThan(50_000);
	}

	@Test
	void noRuleMatchesAPlainToken() {
		Random random = new Random(20261204L);
		String digitsAndDashes = "0123456789-0123456789-ab/";
		for (int n = 0; n < 100_000; n++) {
			String text = randomText(random, (n % 2 == 0) ? digitsAndDashes : ALPHABET.substring(0, 27));
			if (PlainTokens.isPlainToken(text)) {
				assertThat(TextHints.of(text)).as(text).isZero();
				for (ValueRule rule : RULES) {
					assertThat(rule.pattern().matcher(text).find()).as(rule.name() + " on " + text).isFalse();
				}
			}
		}
	}

	@Test
	void customRulesStillRunOnPlainTokens() {
		PrivacyScrubber scrubber = new PrivacyScrubber(
				PrivacyRules.builder().rule(ValueRule.of("order-number", "order-\\d+")).build());
		assertThat(scrubber.scrubText("order-8812")).isEqualTo(scrubber.replacement());
		assertThat(PrivacyScrubber.defaults().scrubText("order-8812")).isEqualTo("order-8812");
	}

	private static String randomText(Random random, String alphabet) {
		int length = random.nextInt(40);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	private static boolean isPlainOneByOne(String text) {
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean runCharacter = (c >= '/' && c <= '9') || c == '-';
			if (!runCharacter && !(c >= '_' && c <= '~')) {
				return false;
			}
			run = runCharacter ? run + 1 : 0;
			if (run >= 11) {
				return false;
			}
		}
		return true;
	}

}
