package dev.errortracking.privacy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patterns of the built-in value rules. Every quantifier is bounded, so matching is linear in the text length.
 */
final class BuiltInValueRules {

	private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

	private static final int MIN_CARD_DIGITS = 13;

	private static final int MAX_CARD_DIGITS = 19;

	private static final int CARD_GROUP_DIGITS = 4;

	private static final Map<BuiltInRule, ValueRule> RULES = new EnumMap<>(BuiltInRule.class);

	private static final List<BuiltInRule> ORDER = List.of(BuiltInRule.PRIVATE_KEY, BuiltInRule.JWT,
			BuiltInRule.BEARER_TOKEN, BuiltInRule.URL_CREDENTIALS, BuiltInRule.EMAIL, BuiltInRule.AWS_ACCESS_KEY,
			BuiltInRule.IBAN, BuiltInRule.CARD_NUMBER, BuiltInRule.US_SSN, BuiltInRule.IP_ADDRESS);

	static {
		add(BuiltInRule.PRIVATE_KEY, "-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?"
				+ "(?:-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|\\z)", TextHints.PEM, null,
				Anchors.literals(0, "-----BEGIN"), Integer.MAX_VALUE);
		add(BuiltInRule.JWT, "(?<![\\w-])eyJ[A-Za-z0-9_-]{5,8192}\\.[A-Za-z0-9_-]{2,16384}(?:\\.[A-Za-z0-9_-]{0,8192})?",
				TextHints.JWT, null, Anchors.literals(0, "eyJ"), 32_800);
		add(BuiltInRule.BEARER_TOKEN,
				"(?i)(?<![\\w-])(?:bearer|basic)\\s{1,8}(?<secret>[A-Za-z0-9._~+/-]{8,8192}={0,2})(?![\\w=])",
				TextHints.AUTH_SCHEME, BuiltInValueRules::authorizationCredential,
				Anchors.positions(Anchors::isAuthScheme), 8_240);
		add(BuiltInRule.URL_CREDENTIALS, "(?<=//)(?<secret>[^\\s/?#@:]{1,256}:[^\\s/?#@]{0,256})@",
				TextHints.DOUBLE_SLASH, null, Anchors.literals(2, "//"), 520);
		add(BuiltInRule.EMAIL,
				"(?<![\\w.%+-])[\\w.%+-]{1,128}(?:@|%40)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}"
						+ "[A-Za-z]{2,24}(?![\\w-])",
				TextHints.AT, null, Anchors.runsBefore(Anchors::isEmailLocalPart, 128, "@", "%40"), 740,
				EmailMatch::end);
		add(BuiltInRule.AWS_ACCESS_KEY,
				"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}(?![A-Z0-9])",
				TextHints.UPPER_RUN, null, Anchors.literals(0, "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA",
						"AIPA", "ANPA", "ANVA", "APKA", "AROA", "ASCA"),
				21);
		add(BuiltInRule.IBAN, "(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}", TextHints.IBAN,
				BuiltInValueRules::iban, Anchors.positions(Anchors::isIbanStart), 70);
		add(BuiltInRule.CARD_NUMBER, "(?<![\\p{L}\\p{Nd}])(?:\\d[ -]?){12,18}\\d(?!\\d)", TextHints.CARD_DIGITS,
				BuiltInValueRules::cardNumber, Anchors.positions(Anchors::isDigitRunStart), 40,
				BuiltInValueRules::cardNumberEnd);
		add(BuiltInRule.US_SSN, "(?<![\\w-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\w-])",
				TextHints.SSN, null, Anchors.positions(Anchors::isDigitRunStart), 12);
		add(BuiltInRule.IP_ADDRESS, "(?<![\\w.])(?:" + OCTET + "\\.){3}" + OCTET + "(?![\\w]|\\.\\d)"
				+ "|(?<![\\w:.])(?=[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,39}(?:(?<=:)(?:\\d{1,3}\\.){3}\\d{1,3})?(?![\\w:]|\\.\\d)",
				TextHints.IPV4 | TextHints.IPV6, BuiltInValueRules::ipAddress,
				Anchors.positions(Anchors::isIpStart), 60);
	}

	private BuiltInValueRules() {
	}

	/** The enabled rules in the order they apply: whole blocks and tokens first, so later rules see less. */
	static List<ValueRule> inOrder(Set<BuiltInRule> enabled) {
		List<ValueRule> rules = new ArrayList<>();
		for (BuiltInRule rule : ORDER) {
			if (enabled.contains(rule)) {
				rules.add(RULES.get(rule));
			}
		}
		return rules;
	}

	private static void add(BuiltInRule rule, String regex, int hints, ValueRule.Validator validator,
			Anchors.Finder anchors, int window) {
		add(rule, regex, hints, validator, anchors, window, null);
	}

	private static void add(BuiltInRule rule, String regex, int hints, ValueRule.Validator validator,
			Anchors.Finder anchors, int window, ValueRule.Match match) {
		String name = rule.name().toLowerCase(Locale.ROOT).replace('_', '-');
		RULES.put(rule, new ValueRule(name, Pattern.compile(regex), hints, validator, anchors, window, match));
	}

	private static int authorizationCredential(String text, Matcher matcher, int start, int end) {
		String token = text.substring(start, end);
		boolean basic = Character.toLowerCase(text.charAt(matcher.start())) == 'b'
				&& Character.toLowerCase(text.charAt(matcher.start() + 1)) == 'a'
				&& Character.toLowerCase(text.charAt(matcher.start() + 2)) == 's';
		if (basic) {
			return Checksums.isBasicCredential(token) ? end : -1;
		}
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (!Character.isLetter(c)) {
				return end;
			}
		}
		return -1;
	}

	/**
	 * The card number rule without the regular expression engine: 13 to 19 digits, single spaces or dashes between
	 * them, not glued to a letter or digit, the longest such run that does not stop inside a group of digits, then
	 * the grouping (written in groups, the first has four digits) and the checksum.
	 */
	private static int cardNumberEnd(String text, int start) {
		int length = text.length();
		if (!isDigit(text.charAt(start)) || (start > 0 && Character.isLetterOrDigit(text.codePointBefore(start)))) {
			return -1;
		}
		int[] digitEnds = new int[MAX_CARD_DIGITS];
		int digits = 0;
		int i = start;
		while (digits < MAX_CARD_DIGITS && i < length && isDigit(text.charAt(i))) {
			digitEnds[digits++] = ++i;
			if (i + 1 < length && (text.charAt(i) == ' ' || text.charAt(i) == '-') && isDigit(text.charAt(i + 1))) {
				i++;
			}
		}
		for (int count = digits; count >= MIN_CARD_DIGITS; count--) {
			int end = digitEnds[count - 1];
			if (end >= length || !isDigit(text.charAt(end))) {
				return cardNumber(text, null, start, end);
			}
		}
		return -1;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static int cardNumber(String text, Matcher matcher, int start, int end) {
		StringBuilder digits = new StringBuilder(19);
		int[] ends = new int[19];
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				ends[digits.length()] = i + 1;
				digits.append(c);
			}
		}
		int firstGroupEnd = start;
		while (firstGroupEnd < end && isDigit(text.charAt(firstGroupEnd))) {
			firstGroupEnd++;
		}
		for (int count = digits.length(); count >= 13; count--) {
			int last = ends[count - 1];
			boolean groupEnd = last >= text.length() || !Character.isLetterOrDigit(text.codePointAt(last));
			boolean grouping = firstGroupEnd >= last || firstGroupEnd - start == CARD_GROUP_DIGITS;
			if (groupEnd && grouping && Checksums.isCardNumber(digits.subSequence(0, count))) {
				return last;
			}
		}
		return -1;
	}

	private static int iban(String text, Matcher matcher, int start, int end) {
		int expected = Checksums.ibanLength(text, start);
		if (expected < 0) {
			return -1;
		}
		StringBuilder compact = new StringBuilder(expected);
		int i = start;
		while (i < end && compact.length() < expected) {
			char c = text.charAt(i++);
			if (c != ' ') {
				compact.append(c);
			}
		}
		if (compact.length() < expected || (i < text.length() && Character.isLetterOrDigit(text.charAt(i)))) {
			return -1;
		}
		return Checksums.passesIbanChecksum(compact) ? i : -1;
	}

	private static int ipAddress(String text, Matcher matcher, int start, int end) {
		int colon = text.indexOf(':', start);
		if (colon < 0 || colon >= end) {
			return end;
		}
		if (Checksums.isIpv6(text.subSequence(start, end))) {
			return end;
		}
		boolean trailingColon = text.charAt(end - 1) == ':' && text.charAt(end - 2) != ':';
		return (trailingColon && Checksums.isIpv6(text.subSequence(start, end - 1))) ? end - 1 : -1;
	}

}
