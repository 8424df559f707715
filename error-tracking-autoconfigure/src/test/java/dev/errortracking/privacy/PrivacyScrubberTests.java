package dev.errortracking.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key rules and value rules applied to structures, JSON, forms, query strings, URLs, headers and cookies, and the
 * limits that keep the scrubber from throwing or working without bound.
 */
class PrivacyScrubberTests {

	private final PrivacyScrubber scrubber = PrivacyScrubber.defaults();

	@ParameterizedTest
	@ValueSource(strings = { "password", "Password", "user_password", "passwd", "mysql_pwd", "secret", "client_secret",
			"api_key", "api-key", "apikey", "X-Api-Key", "auth", "Authorization", "Proxy-Authorization",
			"credentials", "private_key", "privateKey", "token", "access_token", "refreshToken", "X-Auth-Token",
			"otp", "two_factor", "twoFactorCode", "JSESSIONID", "SESSION", "PHPSESSID", "connect.sid", "XSRF-TOKEN",
			"X-CSRF-Token", "_csrf", "X-Forwarded-For", "X-Real-IP", "Forwarded", "remember-me", "card_number" })
	void sensitiveKeysAreRecognised(String key) {
		assertThat(this.scrubber.isSensitiveKey(key)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "name", "email_verified", "Content-Type", "Accept", "User-Agent", "Host", "X-Request-Id",
			"X-Forwarded-Proto", "X-Forwarded-Host", "route", "method", "status", "description", "side", "inside" })
	void ordinaryKeysAreNotSensitive(String key) {
		assertThat(this.scrubber.isSensitiveKey(key)).isFalse();
	}

	@Test
	void extraAndSafeKeysApply() {
		PrivacyScrubber custom = new PrivacyScrubber(PrivacyRules.builder()
			.sensitiveKeys(List.of("Tax-Id"))
			.safeKeys(List.of("author"))
			.build());
		assertThat(custom.isSensitiveKey("customer_tax_id")).isTrue();
		assertThat(custom.isSensitiveKey("author")).isFalse();
		assertThat(custom.isSensitiveKey("authorization")).isTrue();
	}

	@Test
	void nestedMapsKeepTheirKeysAndLoseSecrets() {
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("number", 4111111111111111L);
		card.put("holder", "Alice");
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("user", Map.of("email", "alice@example.com", "password", "hunter2"));
		input.put("card", card);
		input.put("tags", List.of("ok", "203.0.113.7"));
		input.put("note", null);
		Map<String, Object> scrubbed = this.scrubber.scrubMap(input);
		assertThat(scrubbed).containsOnlyKeys("user", "card", "tags", "note");
		assertThat(scrubbed.get("user")).isEqualTo(Map.of("email", "[Filtered]", "password", "[Filtered]"));
		assertThat(scrubbed.get("card")).isEqualTo(Map.of("number", "[Filtered]", "holder", "Alice"));
		assertThat(scrubbed.get("tags")).isEqualTo(List.of("ok", "[Filtered]"));
		assertThat(scrubbed.get("note")).isNull();
		assertThat(input.get("user")).isEqualTo(Map.of("email", "alice@example.com", "password", "hunter2"));
	}

	@Test
	void jsonIsScrubbedAsJson() {
		String json = "{\"user\":{\"name\":\"Alice\",\"Password\":\"hunter2\",\"emails\":[\"alice@example.com\"]},"
				+ "\"card\":4111111111111111,\"count\":3,\"pass\\u0077ord\":\"x\",\"data\":\"{\\\"token\\\":\\\"abc\\\"}\"}";
		String scrubbed = this.scrubber.scrubJson(json);
		assertThat(scrubbed).isEqualTo("{\"user\":{\"name\":\"Alice\",\"Password\":\"[Filtered]\",\"emails\":"
				+ "[\"[Filtered]\"]},\"card\":\"[Filtered]\",\"count\":3,\"pass\\u0077ord\":\"[Filtered]\","
				+ "\"data\":\"{\\\"token\\\":\\\"[Filtered]\\\"}\"}");
	}

	@Test
	void jsonKeepsWhatItDoesNotReplaceAsWritten() {
		String json = "{ \"name\" : \"Al\\u0069ce\",\n  \"note\":\"mail al\\u0069ce\\u0040example.com\", \"n\": 1.50e1 }";
		assertThat(this.scrubber.scrubJson(json))
			.isEqualTo("{ \"name\" : \"Al\\u0069ce\",\n  \"note\":\"mail [Filtered]\", \"n\": 1.50e1 }");
		String clean = "{\"a\": [1, 2, {\"b\": \"c\"}]}";
		assertThat(this.scrubber.scrubJson(clean)).isSameAs(clean);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Zoë ", "日本 ", "\uD83D\uDE00 " })
	void jsonEditsLandInPlaceWhateverCharactersComeBeforeThem(String prefix) {
		String json = "{\"note\":\"" + prefix + "x\",\"email\":\"" + prefix + "bob@example.com\",\"password\":\"" + prefix
				+ "pw\",\"card\":4111111111111111,\"tail\":\"" + prefix + "kept\"}";
		assertThat(this.scrubber.scrubJson(json)).isEqualTo("{\"note\":\"" + prefix + "x\",\"email\":\"" + prefix
				+ "[Filtered]\",\"password\":\"[Filtered]\",\"card\":\"[Filtered]\",\"tail\":\"" + prefix + "kept\"}");
	}

	@Test
	void jsonEditsLandInPlaceAfterALoneSurrogate() {
		String json = "{\"email\":\"\uD800 bob@example.com\",\"password\":\"pw\",\"tail\":\"\uD800 kept\"}";
		assertThat(this.scrubber.scrubJson(json)).doesNotContain("bob@", "pw")
			.contains("\"password\":\"[Filtered]\"")
			.endsWith(",\"tail\":\"\uD800 kept\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0000{\u0000}", "{\u0000\"\u0000", "\u0000\u0000\u0000{\"password\":\"pw\"}" })
	void jsonWithZeroCharactersIsRemovedNotReadInAnotherEncoding(String json) {
		assertThat(this.scrubber.scrubJson(json)).isEqualTo("[Filtered]");
	}

	@Test
	void jsonKeyHoldingASecretIsReplacedAndItsSensitiveValueWhole() {
		String json = "{\"alice@example.com\":{\"deep\":[1,{\"x\":\"y\"}]},\"secret\":{\"a\":[1,2]},\"api_key\":12}";
		assertThat(this.scrubber.scrubJson(json))
			.isEqualTo("{\"[Filtered]\":{\"deep\":[1,{\"x\":\"y\"}]},\"secret\":\"[Filtered]\",\"api_key\":\"[Filtered]\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"password\": \"hunter2\"", "{\"pass\\u0077ord\": hunter2}", "[1, 2", "{} {}",
			"not json at all" })
	void malformedJsonIsRemoved(String json) {
		assertThat(this.scrubber.scrubJson(json)).isEqualTo("[Filtered]");
		assertThat(this.scrubber.scrubBody(json, "application/json")).isEqualTo("[Filtered]");
	}

	@Test
	void formBodiesAndQueryStringsAreDecodedBeforeTheRulesApply() {
		assertThat(this.scrubber.scrubQueryString("user=bob&password=hunter2&email=alice%40example.com&q=hello+world"))
			.isEqualTo("user=bob&password=[Filtered]&email=[Filtered]&q=hello+world");
		assertThat(this.scrubber.scrubBody("card=4111+1111+1111+1111&access%5Ftoken=abc&flag",
				"application/x-www-form-urlencoded; charset=UTF-8"))
			.isEqualTo("card=[Filtered]&access%5Ftoken=[Filtered]&flag");
	}

	@Test
	void urlsKeepTheirShapeAndLoseSecrets() {
		assertThat(this.scrubber.scrubUrl(
				"https://api.example.com/users/alice@example.com/orders?page=2&api_key=abc#access_token=xyz&state=1"))
			.isEqualTo("https://api.example.com/users/[Filtered]/orders?page=2&api_key=[Filtered]"
					+ "#access_token=[Filtered]&state=1");
	}

	@Test
	void headersAndCookiesKeepTheirNames() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Authorization", "Bearer abc.def.ghi");
		headers.put("X-Auth-Token", "t0k3n");
		headers.put("X-Forwarded-For", "203.0.113.7, 10.0.0.1");
		headers.put("Cookie", "JSESSIONID=ABC123; theme=dark; XSRF-TOKEN=xyz; mail=alice%40example.com");
		headers.put("Referer", "https://example.com/login?password=hunter2");
		headers.put("User-Agent", "curl/8.0");
		headers.put("Accept", "application/json");
		assertThat(this.scrubber.scrubHeaders(headers)).containsExactly(Map.entry("Authorization", "[Filtered]"),
				Map.entry("X-Auth-Token", "[Filtered]"), Map.entry("X-Forwarded-For", "[Filtered]"),
				Map.entry("Cookie", "JSESSIONID=[Filtered]; theme=dark; XSRF-TOKEN=[Filtered]; mail=[Filtered]"),
				Map.entry("Referer", "https://example.com/login?password=[Filtered]"),
				Map.entry("User-Agent", "curl/8.0"), Map.entry("Accept", "application/json"));
		assertThat(this.scrubber.scrubCookies("SESSION=abc; Path=/; HttpOnly; Expires=Wed, 21 Oct 2026 07:28:00 GMT"))
			.isEqualTo("SESSION=[Filtered]; Path=/; HttpOnly; Expires=Wed, 21 Oct 2026 07:28:00 GMT");
	}

	@Test
	void bodiesThatAreNotValidInTheirCharsetAreRemoved() {
		byte[] latin1 = "email=alic\u00e9@example.com".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(this.scrubber.scrubBody(latin1, StandardCharsets.UTF_8, "application/x-www-form-urlencoded"))
			.isEqualTo("[Filtered]");
		String decodedBySentry = new String(latin1, StandardCharsets.UTF_8);
		assertThat(this.scrubber.scrubBody(decodedBySentry, "text/plain")).isEqualTo("[Filtered]");
		assertThat(this.scrubber.scrubBody("a\uD800b", "text/plain")).isEqualTo("[Filtered]");
		assertThat(this.scrubber.scrubBody("name=caf%C3%A9".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8,
				"application/x-www-form-urlencoded"))
			.isEqualTo("name=caf%C3%A9");
	}

	@ParameterizedTest
	@ValueSource(strings = { "multipart/form-data; boundary=x", "application/octet-stream", "image/png" })
	void opaqueBodiesAreRemoved(String contentType) {
		assertThat(this.scrubber.scrubBody("--x\r\nname=\"password\"\r\n\r\nhunter2", contentType))
			.isEqualTo("[Filtered]");
	}

	@Test
	void cyclicStructuresAreCutAtTheCycle() {
		Map<String, Object> parent = new HashMap<>();
		List<Object> children = new ArrayList<>();
		parent.put("name", "root");
		parent.put("children", children);
		children.add(parent);
		children.add("alice@example.com");
		Object scrubbed = this.scrubber.scrub(parent);
		assertThat(scrubbed).isEqualTo(Map.of("name", "root", "children", List.of("[Filtered]", "[Filtered]")));
	}

	@Test
	void deepStructuresAreCutAtTheMaximumDepth() {
		Map<String, Object> root = new HashMap<>();
		Map<String, Object> current = root;
		for (int i = 0; i < 10_000; i++) {
			Map<String, Object> child = new HashMap<>();
			current.put("child", child);
			current = child;
		}
		current.put("secret", "x");
		Object scrubbed = this.scrubber.scrub(root);
		int depth = 0;
		Object node = scrubbed;
		while (node instanceof Map<?, ?> map) {
			node = map.get("child");
			depth++;
		}
		assertThat(depth).isEqualTo(PrivacyRules.DEFAULT_MAX_DEPTH);
		assertThat(node).isEqualTo("[Filtered]");
	}

	@Test
	void deepJsonIsCutAtTheMaximumDepth() {
		String json = "[".repeat(5_000) + "\"alice@example.com\"" + "]".repeat(5_000);
		String scrubbed = this.scrubber.scrubJson(json);
		assertThat(scrubbed).doesNotContain("alice").contains("[Filtered]");
		assertThat(this.scrubber.scrubJson("[".repeat(2_000) + "]".repeat(2_000))).doesNotContain("[".repeat(40));
	}

	@Test
	void largeStructuresStopAtTheItemLimit() {
		PrivacyScrubber small = new PrivacyScrubber(PrivacyRules.builder().maxItems(100).build());
		List<String> values = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			values.add("alice" + i + "@example.com");
		}
		Object scrubbed = small.scrub(values);
		assertThat((List<?>) scrubbed).hasSizeLessThanOrEqualTo(100).allMatch("[Filtered]"::equals);
	}

	@Test
	void aTextIsScrubbedEachTimeItIsSeenWhileACleanOneIsKeptAsItIs() {
		String secret = new String("card 4111111111111111 of alice@example.com");
		String clean = new String("GET /api/orders/{id} -> 500 INTERNAL_ERROR");
		for (int i = 0; i < 3; i++) {
			assertThat(this.scrubber.scrubText(secret)).isEqualTo("card [Filtered] of [Filtered]");
			assertThat(this.scrubber.scrubText(clean)).isSameAs(clean);
		}
	}

	@Test
	void hugeStringsAreCutWithoutLeavingHalfASecret() {
		String huge = "x ".repeat(40_000) + "4111111111111111 alice@example.com";
		String scrubbed = this.scrubber.scrubText(huge);
		assertThat(scrubbed).hasSizeLessThanOrEqualTo(PrivacyRules.DEFAULT_MAX_STRING_LENGTH + 16)
			.doesNotContain("4111")
			.doesNotContain("alice");
		String oneWord = "A".repeat(200_000);
		assertThat(this.scrubber.scrubText(oneWord)).isEqualTo("[Filtered]");
		PrivacyScrubber small = new PrivacyScrubber(PrivacyRules.builder().maxStringLength(100).build());
		String cut = small.scrubText("a".repeat(90) + " 4111111111111111 tail");
		assertThat(cut).isEqualTo("a".repeat(90) + " [Filtered]");
	}

	@Test
	void catastrophicPatternsAreStoppedAndTheirTextRemoved() {
		PrivacyScrubber scrubber = new PrivacyScrubber(
				PrivacyRules.builder().rule(ValueRule.of("evil", "(a+)+b")).build());
		assertThat(scrubber.scrubText("a".repeat(5_000) + "c")).isEqualTo("[Filtered]");
		assertThat(scrubber.scrubText("aab and more")).isEqualTo("[Filtered] and more");
	}

	@Test
	void builtInPatternsStayWithinTheirBudgetOnAdversarialInput() {
		String[] adversarial = { "a.".repeat(30_000) + "@", "1 ".repeat(30_000), "1-".repeat(30_000),
				"a:".repeat(30_000), "eyJ" + "a".repeat(60_000), "//" + "a:".repeat(30_000), "A1".repeat(30_000),
				"-----BEGIN " + "A ".repeat(30_000), "1.".repeat(30_000), "bearer ".repeat(9_000) };
		for (String text : adversarial) {
			String scrubbed = this.scrubber.scrubText(text);
			assertThat(scrubbed).as(text.substring(0, 12)).isNotNull();
			assertThat(scrubbed).as(text.substring(0, 12)).isNotEqualTo("[Filtered]");
		}
	}

	@Test
	void stackTracesKeepTheirFramesAndLoseSecretsInTheirMessages() {
		String trace = "java.lang.IllegalStateException: Order failed for alice@example.com\n"
				+ "\tat com.example.shop.OrderService.save(OrderService.java:42)\n"
				+ "\tat com.example.shop.OrderService$$SpringCGLIB$$0.lambda$save$0(<generated>)\n"
				+ "\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)\n"
				+ "Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key\n"
				+ "  Detail: Key (email)=(bob@example.com) already exists.\n"
				+ "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)\n"
				+ "\t... 12 more\n"
				+ "\tat fake.frame_4111111111111111.x(A.java:1)\n"
				+ "\tat alice@example.com(A.java:1)\n"
				+ "\tat x.eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl(A.java:1)\n"
				+ "\tat a.b(A.java:1) ~[spring-web-6.2.12.jar:10.0.0.1]\n";
		String scrubbed = this.scrubber.scrubText(trace);
		assertThat(scrubbed).isEqualTo("java.lang.IllegalStateException: Order failed for [Filtered]\n"
				+ "\tat com.example.shop.OrderService.save(OrderService.java:42)\n"
				+ "\tat com.example.shop.OrderService$$SpringCGLIB$$0.lambda$save$0(<generated>)\n"
				+ "\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)\n"
				+ "Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key\n"
				+ "  Detail: Key (email)=([Filtered]) already exists.\n"
				+ "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)\n"
				+ "\t... 12 more\n"
				+ "\tat fake.frame_[Filtered].x(A.java:1)\n"
				+ "\tat [Filtered](A.java:1)\n"
				+ "\tat x.[Filtered](A.java:1)\n"
				+ "\tat a.b(A.java:1) ~[spring-web-6.2.12.jar:[Filtered]]\n");
	}

	@Test
	void objectsOfOtherTypesBecomeScrubbedText() {
		Object value = new Object() {
			@Override
			public String toString() {
				return "User{email=alice@example.com, password=hunter2}";
			}
		};
		assertThat(this.scrubber.scrub(value)).isEqualTo("User{email=[Filtered], password=[Filtered]}");
		assertThat(this.scrubber.scrub(new char[] { 's', 'e', 'c' })).isEqualTo("[Filtered]");
		assertThat(this.scrubber.scrub(Map.of("payload", "note=plain".getBytes(StandardCharsets.UTF_8))))
			.isEqualTo(Map.of("payload", "[Filtered]"));
		assertThat(this.scrubber.scrub(Map.of("n", new long[] { 4111111111111111L, 7 })))
			.isEqualTo(Map.of("n", List.of("[Filtered]", 7L)));
	}

	@Test
	void failingObjectsAreRemovedInsteadOfThrowing() {
		Object value = new Object() {
			@Override
			public String toString() {
				throw new IllegalStateException("boom");
			}
		};
		assertThat(this.scrubber.scrub(value)).isEqualTo("[Filtered]");
		assertThat(this.scrubber.scrubMap(Map.of("a", value, "b", "ok"))).isEqualTo(Map.of("a", "[Filtered]", "b", "ok"));
		assertThat(this.scrubber.scrub(List.of(value, "ok"))).isEqualTo(List.of("[Filtered]", "ok"));
	}

}
