package dev.errortracking.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks that tell a real card number, IBAN, IPv6 address or Basic credential from something that only looks like one.
 */
final class Checksums {

	private static final Map<String, Integer> IBAN_LENGTHS = ibanLengths();

	private Checksums() {
	}

	static boolean isCardNumber(CharSequence digits) {
		int length = digits.length();
		return length >= 13 && length <= 19 && hasIssuerPrefix(digits) && passesLuhn(digits);
	}

	static boolean passesLuhn(CharSequence digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	private static boolean hasIssuerPrefix(CharSequence digits) {
		int two = (digits.charAt(0) - '0') * 10 + (digits.charAt(1) - '0');
		int four = two * 100 + (digits.charAt(2) - '0') * 10 + (digits.charAt(3) - '0');
		return switch (digits.charAt(0)) {
			case '2' -> four >= 2221 && four <= 2720;
			case '3' -> two == 30 || two == 34 || two == 35 || two == 36 || two == 37 || two == 38 || two == 39;
			case '4', '6' -> true;
			case '5' -> two <= 58;
			default -> false;
		};
	}

	/** The expected IBAN length for a country code, or -1 when the country has no IBAN. */
	static int ibanLength(CharSequence text, int start) {
		Integer length = IBAN_LENGTHS.get(text.subSequence(start, start + 2).toString());
		return (length != null) ? length : -1;
	}

	static boolean passesIbanChecksum(CharSequence compact) {
		int remainder = 0;
		int length = compact.length();
		for (int i = 0; i < length; i++) {
			char c = compact.charAt((i + 4) % length);
			int value = (c >= '0' && c <= '9') ? c - '0' : c - 'A' + 10;
			if (value < 0 || value > 35) {
				return false;
			}
			remainder = (value > 9) ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
		}
		return remainder == 1;
	}

	static boolean isIpv6(CharSequence candidate) {
		String text = candidate.toString();
		int groupsForIpv4 = 0;
		int dot = text.indexOf('.');
		if (dot >= 0) {
			int lastColon = text.lastIndexOf(':');
			if (lastColon < 0 || lastColon > dot || !isIpv4(text.substring(lastColon + 1))) {
				return false;
			}
			text = text.substring(0, lastColon + 1);
			if (!text.endsWith("::")) {
				text = text.substring(0, text.length() - 1);
			}
			groupsForIpv4 = 2;
		}
		int compression = text.indexOf("::");
		if (compression >= 0) {
			if (text.indexOf("::", compression + 1) >= 0) {
				return false;
			}
			int left = countGroups(text.substring(0, compression));
			int right = countGroups(text.substring(compression + 2));
			return left >= 0 && right >= 0 && left + right + groupsForIpv4 <= 7;
		}
		return countGroups(text) == 8 - groupsForIpv4;
	}

	private static int countGroups(String text) {
		if (text.isEmpty()) {
			return 0;
		}
		int groups = 0;
		int groupLength = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == ':') {
				if (groupLength == 0 || groupLength > 4) {
					return -1;
				}
				groups++;
				groupLength = 0;
			}
			else if (Character.digit(text.charAt(i), 16) >= 0) {
				groupLength++;
			}
			else {
				return -1;
			}
		}
		return groups;
	}

	private static boolean isIpv4(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
					|| Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	static boolean isBasicCredential(CharSequence token) {
		try {
			byte[] decoded = Base64.getDecoder().decode(token.toString());
			String text = new String(decoded, StandardCharsets.UTF_8);
			return text.indexOf(':') > 0 && text.chars().noneMatch(Character::isISOControl);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static Map<String, Integer> ibanLengths() {
		String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 "
				+ "DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 "
				+ "IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 "
				+ "MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 "
				+ "SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
		Map<String, Integer> lengths = new HashMap<>();
		for (String entry : table.split(" ")) {
			lengths.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
		}
		return Map.copyOf(lengths);
	}

}
