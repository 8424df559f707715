package dev.errortracking.sentry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryAttributeType;
import io.sentry.SentryEvent;
import io.sentry.SentryLogEvent;
import io.sentry.SentryLogEventAttributeValue;
import io.sentry.SentryLogLevel;
import io.sentry.SentryMetricsEvent;
import io.sentry.SpanContext;
import io.sentry.SpanId;
import io.sentry.protocol.Feedback;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.Response;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import io.sentry.protocol.TransactionInfo;
import io.sentry.protocol.User;
import org.junit.jupiter.api.Test;

import dev.errortracking.privacy.PrivacyRules;
import dev.errortracking.privacy.PrivacyScrubber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

/**
 * The Sentry callbacks on real SDK objects, checked on the JSON the SDK would send.
 */
class ScrubbingCallbacksTests {

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVl";

	private static final List<String> SECRETS = List.of("alice@example.com", "bob@example.com", "hunter2",
			"4111111111111111", "203.0.113.7", "s3ss10n", "xsrf-val", "t0k3n-in-query", JWT, "AKIAIOSFODNN7EXAMPLE",
			"DE89370400440532013000", "123-45-6789", "carol@example.com", "sql-secret-pw");

	private final PrivacyScrubber scrubber = PrivacyScrubber.defaults();

	@Test
	void eventsLoseEverySecretAndKeepTheirContext() {
		SentryEvent event = event();
		SentryEvent result = new ScrubbingBeforeSendCallback(this.scrubber).execute(event, new Hint());
		String json = SentryEvents.json(result);
		assertThat(SECRETS).allSatisfy((secret) -> assertThat(json).doesNotContain(secret));
		assertThat(json).contains("\"method\":\"POST\"", "/orders/[Filtered]/items", "User-Agent", "curl/8.0",
				"X-Auth-Token", "; theme=dark", "IllegalStateException", "Order failed for [Filtered]",
				"Key (email)=([Filtered]) already exists", "\"route\":\"/orders/{email}/items\"", "POST /orders",
				"password=[Filtered]");
		assertThat(result.getRequest().getHeaders()).containsEntry("X-Auth-Token", "[Filtered]")
			.containsEntry("Accept", "application/json");
		assertThat(result.getRequest().getData())
			.isEqualTo("{\"item\":\"book\",\"quantity\":3,\"payment\":{\"card\":\"[Filtered]\",\"cvv\":\"[Filtered]\"}}");
		assertThat(result.getExceptions()).hasSize(2);
	}

	@Test
	void userIsReducedToAStableIdUnlessTheApplicationOptsIn() {
		SentryEvent first = new ScrubbingBeforeSendCallback(this.scrubber).execute(event(), new Hint());
		SentryEvent second = new ScrubbingBeforeSendCallback(this.scrubber).execute(event(), new Hint());
		User user = first.getUser();
		assertThat(user.getId()).hasSize(32)
			.isEqualTo(second.getUser().getId())
			.isEqualTo(this.scrubber.pseudonym("carol@example.com"));
		assertThat(user.getEmail()).isNull();
		assertThat(user.getUsername()).isNull();
		assertThat(user.getIpAddress()).isNull();
		assertThat(user.getData()).isNull();

		PrivacyScrubber optedIn = new PrivacyScrubber(
				PrivacyRules.builder().sendUserEmail(true).sendUsername(true).sendUserIpAddress(true).build());
		User kept = new ScrubbingBeforeSendCallback(optedIn).execute(event(), new Hint()).getUser();
		assertThat(kept.getEmail()).isEqualTo("carol@example.com");
		assertThat(kept.getUsername()).isEqualTo("carol");
		assertThat(kept.getIpAddress()).isEqualTo("203.0.113.7");

		SentryEvent numeric = new SentryEvent();
		User plain = new User();
		plain.setId("42");
		numeric.setUser(plain);
		assertThat(new ScrubbingBeforeSendCallback(this.scrubber).execute(numeric, new Hint()).getUser().getId())
			.isEqualTo("42");
	}

	@Test
	void onlyNumbersAndUuidsAreSentAsTheyAreAsTheUserId() {
		String uuid = "3f2b8c1e-9a4d-4e7b-b1c2-5d6e7f8a9b0c";
		assertThat(reducedId("1234567")).isEqualTo("1234567");
		assertThat(reducedId(uuid)).isEqualTo(uuid);
		assertThat(List.of("carol", "Carol Smith", "c-1234567", "12345678901234567890", "4111111111111111",
				"3f2b8c1e9a4d4e7bb1c25d6e7f8a9b0c"))
			.allSatisfy((id) -> assertThat(reducedId(id)).isEqualTo(this.scrubber.pseudonym(id)).doesNotContain(id));
	}

	@Test
	void theUserIdKeyMakesIdsTheSameInEveryProcessAndTheKeyIsNeededToMatchThem() throws Exception {
		PrivacyScrubber keyed = new PrivacyScrubber(PrivacyRules.builder().userIdKey("k3y-of-the-shop").build());
		PrivacyScrubber sameKey = new PrivacyScrubber(PrivacyRules.builder().userIdKey("k3y-of-the-shop").build());
		PrivacyScrubber otherKey = new PrivacyScrubber(PrivacyRules.builder().userIdKey("another-key").build());
		String id = new ScrubbingBeforeSendCallback(keyed).execute(event(), new Hint()).getUser().getId();
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("k3y-of-the-shop".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		assertThat(id)
			.isEqualTo(HexFormat.of().formatHex(mac.doFinal("carol@example.com".getBytes(StandardCharsets.UTF_8)))
				.substring(0, 32))
			.isEqualTo(new ScrubbingBeforeSendCallback(sameKey).execute(event(), new Hint()).getUser().getId())
			.isNotEqualTo(new ScrubbingBeforeSendCallback(otherKey).execute(event(), new Hint()).getUser().getId())
			.isNotEqualTo(this.scrubber.pseudonym("carol@example.com"))
			.isNotEqualTo(HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest("carol@example.com".getBytes(StandardCharsets.UTF_8)))
				.substring(0, 32));
		assertThat(new PrivacyScrubber(PrivacyRules.builder().userIdKey(" ").build()).pseudonym("carol@example.com"))
			.isEqualTo(this.scrubber.pseudonym("carol@example.com"));
	}

	private String reducedId(String id) {
		SentryEvent event = new SentryEvent();
		User user = new User();
		user.setId(id);
		event.setUser(user);
		return new ScrubbingBeforeSendCallback(this.scrubber).execute(event, new Hint()).getUser().getId();
	}

	@Test
	void theEventGetsAScrubbedCopyOfTheRequestWithEveryFieldAndTheScopesRequestIsLeftAsItWas() {
		Request shared = new Request();
		shared.setMethod("PUT");
		shared.setUrl("https://shop.example.com/users/alice@example.com");
		shared.setQueryString("page=2&token=t0k3n-in-query");
		shared.setFragment("section=billing&password=hunter2");
		shared.setCookies("SESSION=s3ss10n; theme=dark");
		shared.setHeaders(Map.of("Accept", "application/json", "X-Api-Key", "hunter2"));
		shared.setData("password=hunter2&item=book");
		shared.setBodySize(27L);
		shared.setApiTarget("graphql");
		shared.setEnvs(Map.of("SERVER_NAME", "shop.example.com", "REMOTE_ADDR", "203.0.113.7"));
		shared.setOthers(Map.of("route", "/users/{id}", "secret", "hunter2"));
		shared.setUnknown(Map.of("region", "eu-west-1", "api_key", "hunter2"));
		SentryEvent event = new SentryEvent();
		event.setRequest(shared);
		Request copy = new ScrubbingBeforeSendCallback(this.scrubber).execute(event, new Hint()).getRequest();
		assertThat(copy).isNotSameAs(shared);
		assertThat(copy.getMethod()).isEqualTo("PUT");
		assertThat(copy.getBodySize()).isEqualTo(27L);
		assertThat(copy.getApiTarget()).isEqualTo("graphql");
		assertThat(copy.getUrl()).isEqualTo("https://shop.example.com/users/[Filtered]");
		assertThat(copy.getQueryString()).isEqualTo("page=2&token=[Filtered]");
		assertThat(copy.getFragment()).isEqualTo("section=billing&password=[Filtered]");
		assertThat(copy.getCookies()).contains("theme=dark").doesNotContain("s3ss10n");
		assertThat(copy.getHeaders()).containsEntry("Accept", "application/json")
			.containsEntry("X-Api-Key", "[Filtered]");
		assertThat(copy.getData()).isEqualTo("password=[Filtered]&item=book");
		assertThat(copy.getEnvs()).containsEntry("SERVER_NAME", "shop.example.com")
			.doesNotContainValue("203.0.113.7");
		assertThat(copy.getOthers()).containsEntry("route", "/users/{id}").containsEntry("secret", "[Filtered]");
		assertThat(copy.getUnknown()).containsEntry("region", "eu-west-1").containsEntry("api_key", "[Filtered]");
		assertThat(shared.getHeaders()).containsEntry("X-Api-Key", "hunter2");
		assertThat(shared.getQueryString()).isEqualTo("page=2&token=t0k3n-in-query");
		assertThat(shared.getUnknown()).containsEntry("api_key", "hunter2");
	}

	@Test
	void partsThatCannotBeScrubbedAreRemovedAndTheEventIsStillSent() {
		SentryEvent event = new SentryEvent(new IllegalStateException("failed for alice@example.com"));
		event.setExceptions(SentryEvents.exceptionFactory().getSentryExceptions(event.getThrowable()));
		Object unprintable = new Object() {
			@Override
			public String toString() {
				throw new IllegalStateException("broken");
			}
		};
		Request request = new Request();
		request.setMethod("GET");
		request.setData(unprintable);
		event.setRequest(request);
		event.setExtra("broken", unprintable);
		event.setExtra("fine", "ok");
		event.getContexts().put("custom", new Object() {
			@Override
			public String toString() {
				return "password=hunter2";
			}
		});
		SentryEvent result = new ScrubbingBeforeSendCallback(this.scrubber).execute(event, new Hint());
		assertThat(result).isNotNull();
		assertThat(result.getRequest().getData()).isEqualTo("[Filtered]");
		assertThat(result.getExtras()).containsEntry("broken", "[Filtered]").containsEntry("fine", "ok");
		assertThat(result.getContexts().get("custom")).isNull();
		assertThat(result.getExceptions().get(0).getValue()).isEqualTo("failed for [Filtered]");
	}

	@Test
	void aPartWhoseScrubbingFailsIsRemoved() {
		List<String> removed = new ArrayList<>();
		ScrubbingEventSupport.guard(() -> {
			throw new IllegalStateException("broken");
		}, () -> removed.add("request"));
		ScrubbingEventSupport.guard(() -> {
		}, () -> removed.add("user"));
		assertThat(removed).containsExactly("request");
	}

	@Test
	void breadcrumbsAreScrubbedWhenRecorded() {
		Breadcrumb breadcrumb = Breadcrumb.http("https://api.example.com/users?email=alice%40example.com&page=2",
				"GET", 200);
		breadcrumb.setMessage("charged card 4111 1111 1111 1111 for alice@example.com");
		breadcrumb.setData("authorization", "Bearer abc123def456");
		breadcrumb.setData("nested", Map.of("password", "hunter2", "size", 3));
		Breadcrumb result = new ScrubbingBeforeBreadcrumbCallback(this.scrubber).execute(breadcrumb, new Hint());
		assertThat(result.getMessage()).isEqualTo("charged card [Filtered] for [Filtered]");
		assertThat(result.getData()).containsEntry("url", "https://api.example.com/users")
			.containsEntry("http.query", "email=[Filtered]&page=2")
			.containsEntry("method", "GET")
			.containsEntry("status_code", 200)
			.containsEntry("authorization", "[Filtered]")
			.containsEntry("nested", Map.of("password", "[Filtered]", "size", 3));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aBreadcrumbChangedSinceAnEarlierEventCarriedItIsScrubbedAgain() {
		List<Consumer<Breadcrumb>> changes = List.of(
				(breadcrumb) -> breadcrumb.setMessage("refund to alice@example.com"),
				(breadcrumb) -> breadcrumb.setData("note", "card 4111 1111 1111 1111"),
				(breadcrumb) -> breadcrumb.setData("method", "GET for bob@example.com"),
				(breadcrumb) -> breadcrumb.setData("password", "hunter2"),
				(breadcrumb) -> breadcrumb.setData("nested", new HashMap<>(Map.of("token", "t0k3n-in-query"))),
				(breadcrumb) -> breadcrumb.setUnknown(Map.of("ssn", "123-45-6789")), (breadcrumb) -> {
					breadcrumb.getData().remove("status_code");
					breadcrumb.setData("owner", "carol@example.com");
				});
		ScrubbingBeforeSendCallback onSend = new ScrubbingBeforeSendCallback(this.scrubber);
		for (Consumer<Breadcrumb> change : changes) {
			Breadcrumb breadcrumb = Breadcrumb.http("https://api.example.com/orders", "GET", 200);
			onSend.execute(eventWith(breadcrumb), new Hint());
			change.accept(breadcrumb);
			String json = SentryEvents.json(onSend.execute(eventWith(breadcrumb), new Hint()));
			assertThat(SECRETS).allSatisfy((secret) -> assertThat(json).doesNotContain(secret));
			assertThat(json).contains("https://api.example.com/orders");
		}
		Breadcrumb withNestedData = Breadcrumb.http("https://api.example.com/orders", "GET", 200);
		withNestedData.setData("nested", new HashMap<>(Map.of("size", 3)));
		onSend.execute(eventWith(withNestedData), new Hint());
		((Map<String, Object>) withNestedData.getData().get("nested")).put("token", "t0k3n-in-query");
		assertThat(SentryEvents.json(onSend.execute(eventWith(withNestedData), new Hint())))
			.doesNotContain("t0k3n-in-query")
			.contains("\"size\":3");
	}

	@Test
	void aBreadcrumbUnchangedSinceAnEarlierEventCarriedItIsNotScrubbedAgain() {
		PrivacyScrubber counted = spy(PrivacyScrubber.defaults());
		ScrubbingBeforeSendCallback onSend = new ScrubbingBeforeSendCallback(counted);
		Breadcrumb carried = Breadcrumb.http("https://api.example.com/orders?page=2", "GET", 200);
		onSend.execute(eventWith(carried), new Hint());
		Breadcrumb recordedOnly = new ScrubbingBeforeBreadcrumbCallback(counted)
			.execute(Breadcrumb.http("https://api.example.com/users", "GET", 200), new Hint());
		clearInvocations(counted);
		onSend.execute(eventWith(carried, recordedOnly), new Hint());
		verify(counted, never()).scrubMap(same(carried.getData()));
		verify(counted).scrubMap(same(recordedOnly.getData()));
		assertThat(carried.getData()).containsEntry("http.query", "page=2");
	}

	private static SentryEvent eventWith(Breadcrumb... breadcrumbs) {
		SentryEvent event = new SentryEvent();
		event.setBreadcrumbs(new ArrayList<>(List.of(breadcrumbs)));
		return event;
	}

	@Test
	void transactionSpansLoseTheirSecrets() {
		SpanContext trace = new SpanContext("http.server");
		trace.setDescription("POST /login for alice@example.com");
		trace.setData("http.query", "token=t0k3n-in-query");
		List<SentrySpan> spans = new ArrayList<>();
		Map<String, Object> data = new HashMap<>();
		data.put("db.system", "postgresql");
		data.put("db.password", "sql-secret-pw");
		spans.add(new SentrySpan(1.0, 2.0, new SentryId(), new SpanId(), new SpanId(), "db.sql.query",
				"select * from users where email = 'bob@example.com'", null, "manual", new HashMap<>(),
				new HashMap<>(), data));
		SentryTransaction transaction = new SentryTransaction("POST /login", 1.0, 2.0, spans, new HashMap<>(),
				new TransactionInfo("route"));
		transaction.getContexts().setTrace(trace);
		SentryTransaction result = new ScrubbingBeforeSendTransactionCallback(this.scrubber).execute(transaction,
				new Hint());
		String json = SentryEvents.json(result);
		assertThat(json).doesNotContain("alice@example.com", "bob@example.com", "t0k3n-in-query", "sql-secret-pw")
			.contains("select * from users where email = '[Filtered]'", "postgresql", "POST /login",
					"\"db.password\":\"[Filtered]\"");
	}

	@Test
	void sentryLogRecordsLoseTheirSecrets() {
		SentryLogEvent log = new SentryLogEvent(new SentryId(), 1.0, "Login alice@example.com from 203.0.113.7",
				SentryLogLevel.INFO);
		log.setAttribute("password", new SentryLogEventAttributeValue(SentryAttributeType.STRING, "hunter2"));
		log.setAttribute("route", new SentryLogEventAttributeValue(SentryAttributeType.STRING, "/login"));
		log.setAttribute("attempts", new SentryLogEventAttributeValue(SentryAttributeType.INTEGER, 3));
		SentryLogEvent result = new ScrubbingBeforeSendLogCallback(this.scrubber).execute(log);
		assertThat(result.getBody()).isEqualTo("Login [Filtered] from [Filtered]");
		assertThat(result.getAttributes().get("password").getValue()).isEqualTo("[Filtered]");
		assertThat(result.getAttributes().get("route").getValue()).isEqualTo("/login");
		assertThat(result.getAttributes().get("attempts").getValue()).isEqualTo(3);
	}

	@Test
	void theUserOfSentryLogRecordsAndMetricsIsReducedAsOnEvents() {
		SentryLogEvent log = new SentryLogEvent(new SentryId(), 1.0, "Checkout", SentryLogLevel.INFO);
		withUser(log::setAttribute, "mallory");
		SentryMetricsEvent metric = new SentryMetricsEvent(new SentryId(), 1.0, "orders.failed", "counter", 1.0);
		withUser(metric::setAttribute, "mallory");
		metric.setAttribute("api_key", new SentryLogEventAttributeValue(SentryAttributeType.STRING, "hunter2"));
		metric.setAttribute("customer", new SentryLogEventAttributeValue(SentryAttributeType.STRING, "bob@example.com"));
		metric.setAttribute("route", new SentryLogEventAttributeValue(SentryAttributeType.STRING, "/orders"));
		Map<String, SentryLogEventAttributeValue> logAttributes = new ScrubbingBeforeSendLogCallback(this.scrubber)
			.execute(log)
			.getAttributes();
		Map<String, SentryLogEventAttributeValue> metricAttributes = new ScrubbingBeforeSendMetricCallback(this.scrubber)
			.execute(metric, new Hint())
			.getAttributes();
		assertThat(List.of(logAttributes, metricAttributes)).allSatisfy((attributes) -> {
			assertThat(attributes.get("user.id").getValue()).isEqualTo(this.scrubber.pseudonym("mallory"));
			assertThat(attributes).doesNotContainKeys("user.name", "user.email");
		});
		assertThat(metricAttributes.get("api_key").getValue()).isEqualTo("[Filtered]");
		assertThat(metricAttributes.get("customer").getValue()).isEqualTo("[Filtered]");
		assertThat(metricAttributes.get("route").getValue()).isEqualTo("/orders");
		assertThat(metric.getName()).isEqualTo("orders.failed");
	}

	@Test
	void sentryLogRecordsAndMetricsKeepTheUserDetailsTheApplicationOptsInto() {
		PrivacyScrubber optedIn = new PrivacyScrubber(
				PrivacyRules.builder().sendUserEmail(true).sendUsername(true).build());
		SentryLogEvent log = new SentryLogEvent(new SentryId(), 1.0, "Checkout", SentryLogLevel.INFO);
		withUser(log::setAttribute, "42");
		SentryMetricsEvent metric = new SentryMetricsEvent(new SentryId(), 1.0, "orders.failed", "counter", 1.0);
		withUser(metric::setAttribute, "42");
		Map<String, SentryLogEventAttributeValue> logAttributes = new ScrubbingBeforeSendLogCallback(optedIn)
			.execute(log)
			.getAttributes();
		Map<String, SentryLogEventAttributeValue> metricAttributes = new ScrubbingBeforeSendMetricCallback(optedIn)
			.execute(metric, new Hint())
			.getAttributes();
		assertThat(List.of(logAttributes, metricAttributes)).allSatisfy((attributes) -> {
			assertThat(attributes.get("user.id").getValue()).isEqualTo("42");
			assertThat(attributes.get("user.name").getValue()).isEqualTo("mallory");
			assertThat(attributes.get("user.email").getValue()).isEqualTo("mallory@example.com");
		});
	}

	@Test
	void userFeedbackKeepsTheAddressToAnswerAndLosesTheSecretsInItsMessage() {
		Feedback feedback = new Feedback("Charged twice on 4111 1111 1111 1111, password: hunter2");
		feedback.setContactEmail("bob@example.com");
		feedback.setName("Bob");
		feedback.setUrl("https://shop.example.com/help?token=t0k3n-in-query");
		SentryEvent event = new SentryEvent();
		event.getContexts().setFeedback(feedback);
		User user = new User();
		user.setUsername("mallory");
		user.setEmail("carol@example.com");
		event.setUser(user);
		SentryEvent result = new ScrubbingBeforeSendCallback(this.scrubber).execute(event, new Hint());
		Feedback scrubbed = result.getContexts().getFeedback();
		assertThat(scrubbed.getMessage()).isEqualTo("Charged twice on [Filtered], password: [Filtered]");
		assertThat(scrubbed.getUrl()).isEqualTo("https://shop.example.com/help?token=[Filtered]");
		assertThat(scrubbed.getContactEmail()).isEqualTo("bob@example.com");
		assertThat(scrubbed.getName()).isEqualTo("Bob");
		assertThat(result.getUser().getId()).isEqualTo(this.scrubber.pseudonym("mallory"));
		assertThat(result.getUser().getEmail()).isNull();
	}

	@Test
	void aMetricNamedAfterASecretLosesIt() {
		SentryMetricsEvent metric = new SentryMetricsEvent(new SentryId(), 1.0, "signups/alice@example.com", "counter",
				1.0);
		assertThat(new ScrubbingBeforeSendMetricCallback(this.scrubber).execute(metric, new Hint()).getName())
			.isEqualTo("signups/[Filtered]");
	}

	private static void withUser(BiConsumer<String, SentryLogEventAttributeValue> attributes, String id) {
		attributes.accept("user.id", new SentryLogEventAttributeValue(SentryAttributeType.STRING, id));
		attributes.accept("user.name", new SentryLogEventAttributeValue(SentryAttributeType.STRING, "mallory"));
		attributes.accept("user.email",
				new SentryLogEventAttributeValue(SentryAttributeType.STRING, "mallory@example.com"));
	}

	@Test
	void transactionsNamedAfterASecretAreDropped() {
		SentryTransaction transaction = new SentryTransaction("GET /users/alice@example.com", 1.0, 2.0,
				new ArrayList<>(), new HashMap<>(), new TransactionInfo("url"));
		assertThat(new ScrubbingBeforeSendTransactionCallback(this.scrubber).execute(transaction, new Hint())).isNull();
	}

	private static SentryEvent event() {
		Exception cause = new IllegalStateException("Key (email)=(bob@example.com) already exists");
		Exception failure = new RuntimeException("Order failed for alice@example.com with card 4111111111111111",
				cause);
		SentryEvent event = new SentryEvent(failure);
		event.setExceptions(SentryEvents.exceptionFactory().getSentryExceptions(failure));
		Message message = new Message();
		message.setMessage("Login {} from {}");
		message.setFormatted("Login alice@example.com from 203.0.113.7");
		message.setParams(List.of("alice@example.com", "203.0.113.7"));
		event.setMessage(message);
		event.setTransaction("POST /orders/{email}/items");
		Request request = new Request();
		request.setMethod("POST");
		request.setUrl("http://localhost:8080/orders/alice@example.com/items");
		request.setQueryString("access_token=t0k3n-in-query&page=1");
		Map<String, String> headers = new HashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("Accept", "application/json");
		headers.put("User-Agent", "curl/8.0");
		headers.put("X-Auth-Token", "hunter2");
		headers.put("X-Forwarded-For", "203.0.113.7");
		headers.put("Authorization", "Bearer " + JWT);
		request.setHeaders(headers);
		request.setCookies("SESSION=s3ss10n; XSRF-TOKEN=xsrf-val; theme=dark");
		request.setData("{\"item\":\"book\",\"quantity\":3,\"payment\":{\"card\":\"4111111111111111\",\"cvv\":\"123\"}}");
		request.setEnvs(Map.of("REMOTE_ADDR", "203.0.113.7", "SERVER_NAME", "localhost"));
		event.setRequest(request);
		event.setExtra("order", Map.of("iban", "DE89370400440532013000", "route", "/orders/{email}/items"));
		event.setExtra("aws", "key AKIAIOSFODNN7EXAMPLE");
		event.setTag("ssn", "123-45-6789");
		event.setTag("route", "/orders/{email}/items");
		event.getContexts().put("request_context", Map.of("login", "password=hunter2", "method", "POST"));
		Response response = new Response();
		response.setHeaders(Map.of("Set-Cookie", "SESSION=s3ss10n; Path=/"));
		event.getContexts().setResponse(response);
		Breadcrumb breadcrumb = new Breadcrumb("user alice@example.com logged in");
		breadcrumb.setData("token", JWT);
		event.addBreadcrumb(breadcrumb);
		User user = new User();
		user.setId("carol@example.com");
		user.setEmail("carol@example.com");
		user.setUsername("carol");
		user.setIpAddress("203.0.113.7");
		user.setData(Map.of("phone", "+1 555 0100"));
		event.setUser(user);
		return event;
	}

}
