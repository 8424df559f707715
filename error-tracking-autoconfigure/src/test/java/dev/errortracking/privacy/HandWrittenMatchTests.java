package dev.errortracking.privacy;

import java.util.EnumSet;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written matches of the built-in rules against their patterns: same matches, same replacements.
 */
class HandWrittenMatchTests {

	private static final Pattern EMAIL = BuiltInValueRules.inOrder(EnumSet.of(BuiltInRule.EMAIL))
		.get(0)
		.pattern();

	private static final String ALPHABET = "aZk09_.%+-@4 #é-.";

	@ParameterizedTest
	@ValueSource(strings = { "alice@example.com", "a.b+c@mail.example.co.uk!", "x%40y%40example.com", "a@b.c",
			"alice@example.com.123", "alice@ex-.com", "alice@-ex.com", "alice@example.c0m", "alice@example.com_x",
			"a@b.cd-e", "%40example.com", "alice@" })
	void agreesWithThePatternOnKnownCases(String text) {
		for (int start = 0; start < text.length(); start++) {
			assertThat(EmailMatch.end(text, start)).as("%s at %d", text, start).isEqualTo(regexEnd(text, start));
		}
	}

	@Test
	void agreesWithThePatternAtEveryPositionOfRandomTexts() {
		Random random = new Random(20261125L);
		String[] parts = { "alice", "@", "%40", "example", ".", "com", "-", "a", "0", "_", "+", " ", "co", "x-y",
				"é", "abcdefghijklmnopqrstuvwxyz" };
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			int pieces = 1 + random.nextInt(12);
			for (int i = 0; i < pieces; i++) {
				text.append(random.nextBoolean() ? parts[random.nextInt(parts.length)]
						: String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length()))));
			}
			String candidate = text.toString();
			for (int start = 0; start < candidate.length(); start++) {
				assertThat(EmailMatch.end(candidate, start)).as("%s at %d", candidate, start)
					.isEqualTo(regexEnd(candidate, start));
			}
		}
	}

	@Test
	void agreesWithThePatternOnLongLabelsAndLocalParts() {
		String label63 = "a".repeat(63);
		String[] texts = { "a".repeat(128) + "@example.com", "a".repeat(129) + "@example.com",
				"x@" + label63 + ".com", "x@" + label63 + "b.com", "x@a.b.c.d.e.f.g.h.com", "x@a.b.c.d.e.f.g.h.i.com",
				"x@example." + "c".repeat(24), "x@example." + "c".repeat(25), "a".repeat(126) + "%40example.com" };
		for (String text : texts) {
			for (int start = 0; start < text.length(); start++) {
				assertThat(EmailMatch.end(text, start)).as("%s at %d", text, start).isEqualTo(regexEnd(text, start));
			}
		}
	}

	@Test
	void cardNumberRuleReplacesWhatItsPatternAndChecksumReplace() {
		ValueRule rule = BuiltInValueRules.inOrder(EnumSet.of(BuiltInRule.CARD_NUMBER)).get(0);
		ValueRule patternOnly = rule.withPatternOnly();
		Random random = new Random(1125L);
		String[] parts = { "4111", "1111", "5555", "4444", "378282246310005", "4111111111111111", " ", "-", "  ",
				"--", "0", "9", "x", "12", "4111 1111 1111 1111", "6011-1111-1111-1117", "٣" };
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			int pieces = 1 + random.nextInt(14);
			for (int i = 0; i < pieces; i++) {
				text.append(parts[random.nextInt(parts.length)]);
			}
			String candidate = text.toString();
			assertThat(apply(rule, candidate)).as(candidate).isEqualTo(apply(patternOnly, candidate));
		}
		assertThat(apply(rule, "paid 4111 1111 1111 1111, refund 4111-1111-1111-1112"))
			.isEqualTo("paid [F], refund 4111-1111-1111-1112");
	}

	@Test
	void emailRuleReplacesWhatItsPatternReplaces() {
		ValueRule rule = BuiltInValueRules.inOrder(EnumSet.of(BuiltInRule.EMAIL)).get(0);
		ValueRule patternOnly = rule.withPatternOnly();
		Random random = new Random(2511L);
		String[] parts = { "alice", "@", "%40", "example", ".", "com", "-", "0", " ", "x-y", "é", "_" };
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			int pieces = 1 + random.nextInt(16);
			for (int i = 0; i < pieces; i++) {
				text.append(parts[random.nextInt(parts.length)]);
			}
			String candidate = text.toString();
			assertThat(apply(rule, candidate)).as(candidate).isEqualTo(apply(patternOnly, candidate));
		}
	}

	private static String apply(ValueRule rule, String text) {
		return rule.apply(text, StepBudget.count(text, Long.MAX_VALUE), "[F]");
	}

	private static int regexEnd(String text, int start) {
		Matcher matcher = EMAIL.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
		matcher.region(start, text.length());
		return matcher.lookingAt() ? matcher.end() : -1;
	}

}
