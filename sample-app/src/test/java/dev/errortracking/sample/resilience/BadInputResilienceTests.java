package dev.errortracking.sample.resilience;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.errortracking.sample.SampleAppTest;
import dev.errortracking.sample.SampleHttpClient;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends the {@link BadInputCorpus} to the sample app over raw sockets: no answer may be a 5xx, every error must be
 * the standard JSON body, no body may carry internals or anything the client sent, and the app must serve normally
 * afterwards.
 */
@SampleAppTest
@ExtendWith(ResilienceSummary.class)
class BadInputResilienceTests {

	private static final ObjectMapper objectMapper = new ObjectMapper();

	private static final Set<String> STANDARD_MEMBERS = Set.of("error", "message", "details", "requestId");

	private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z_]*");

	private static final List<String> INTERNALS = List.of("exception", "\tat ", "java.", "jakarta.", "org.apache",
			"org.springframework", "org.hibernate", "com.fasterxml", "dev.errortracking", "hibernate", "jdbc", "sql",
			"insert into", "select ", "uk_posts_title", "stacktrace", "<html", "tomcat", "127.0.0.1");

	@LocalServerPort
	private int port;

	@Test
	void noBadInputCausesAServerErrorALeakOrANonStandardBody() {
		List<BadInput> corpus = BadInputCorpus.build();
		RawHttp http = new RawHttp(this.port);
		List<String> violations = new ArrayList<>();
		Map<Integer, Integer> statuses = new TreeMap<>();
		Map<String, Integer> perEndpoint = new TreeMap<>();
		int serverErrors = 0;
		int nonStandard = 0;
		int leaks = 0;
		for (BadInput input : corpus) {
			perEndpoint.merge(input.endpoint(), 1, Integer::sum);
			RawHttp.Response response;
			try {
				response = http.send(input.raw());
			}
			catch (IOException ex) {
				violations.add(input + ": no answer (" + ex.getMessage() + ")");
				continue;
			}
			statuses.merge(response.status(), 1, Integer::sum);
			if (response.status() == 0) {
				String problem = unframedAnswerProblem(input, response);
				if (problem != null) {
					violations.add(input + ": " + problem + ": " + abbreviate(response.raw()));
				}
				continue;
			}
			if (response.status() >= 500) {
				serverErrors++;
				violations.add(input + ": server error " + describe(response));
			}
			else if (input.mustBeRejected() && response.status() < 400) {
				violations.add(input + ": accepted with " + describe(response));
			}
			if (response.status() >= 400) {
				String problem = standardBodyProblem(input, response);
				if (problem != null) {
					nonStandard++;
					violations.add(input + ": " + problem + " in " + describe(response));
				}
			}
			String leak = leak(input, response);
			if (leak != null) {
				leaks++;
				violations.add(input + ": " + leak + " in " + describe(response));
			}
		}

		boolean healthy = servesNormally();
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("inputs", corpus.size());
		figures.put("endpoints", perEndpoint.size());
		figures.put("rejected-4xx", count(statuses, 400, 499));
		figures.put("accepted", count(statuses, 100, 399));
		figures.put("server-errors", serverErrors);
		figures.put("non-standard-bodies", nonStandard);
		figures.put("leaks", leaks);
		figures.put("healthy-after", healthy ? "yes" : "no");
		ResilienceSummary.record("bad-input", figures);

		assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
		assertThat(perEndpoint.keySet()).as("endpoints the corpus reaches")
			.containsExactlyInAnyOrderElementsOf(BadInputCorpus.ENDPOINTS);
		assertThat(violations).as("answers to bad input, by status %s", statuses).isEmpty();
		assertThat(healthy).as("the app serves normally after the corpus").isTrue();
	}

	private String standardBodyProblem(BadInput input, RawHttp.Response response) {
		String contentType = response.header("Content-Type");
		if (contentType == null) {
			return "no content type";
		}
		MediaType mediaType;
		try {
			mediaType = MediaType.parseMediaType(contentType);
		}
		catch (RuntimeException ex) {
			return "invalid content type";
		}
		if (!mediaType.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
			return "content type " + contentType;
		}
		String requestId = response.header("X-Request-Id");
		if (requestId == null || requestId.isBlank()) {
			return "no X-Request-Id header";
		}
		if (input.answer() == BadInput.Answer.NO_BODY) {
			return (response.bodyBytes().length == 0) ? null : "a body for HEAD";
		}
		return standardBodyProblem(response.bodyBytes(), requestId);
	}

	private static String unframedAnswerProblem(BadInput input, RawHttp.Response response) {
		if (input.answer() == BadInput.Answer.NONE && response.bodyBytes().length == 0) {
			return null;
		}
		if (input.answer() != BadInput.Answer.BODY_ONLY) {
			return "not an HTTP/1.1 answer";
		}
		String problem = standardBodyProblem(response.bodyBytes(), null);
		return (problem != null) ? problem : leak(input, new RawHttp.Response(400, List.of(), response.bodyBytes(),
				response.raw()));
	}

	private static String standardBodyProblem(byte[] bytes, String requestId) {
		JsonNode body;
		try {
			body = objectMapper.readTree(bytes);
		}
		catch (IOException ex) {
			return "a body that is not JSON";
		}
		if (body == null || !body.isObject()) {
			return "a body that is not a JSON object";
		}
		Set<String> members = new TreeSet<>();
		body.fieldNames().forEachRemaining(members::add);
		if (!members.equals(new TreeSet<>(STANDARD_MEMBERS))) {
			return "members " + members;
		}
		if (!ERROR_CODE.matcher(body.get("error").asText()).matches() || !body.get("message").isTextual()
				|| body.get("message").asText().isBlank() || !body.get("details").isObject()) {
			return "a malformed standard body";
		}
		if (requestId != null && !requestId.equals(body.get("requestId").asText())) {
			return "a requestId unlike its header";
		}
		return null;
	}

	private static String leak(BadInput input, RawHttp.Response response) {
		String body = response.body();
		for (String marker : input.markers()) {
			if (body.contains(marker)) {
				return "reflected input '" + marker + "' in the body";
			}
			for (String[] header : response.headers()) {
				if (header[0].contains(marker) || header[1].contains(marker)) {
					return "reflected input '" + marker + "' in header " + header[0];
				}
			}
		}
		if (response.hasHeader("X-Injected")) {
			return "an injected header";
		}
		if (response.status() >= 400) {
			String lower = body.toLowerCase(Locale.ROOT);
			for (String internal : INTERNALS) {
				if (lower.contains(internal)) {
					return "internal detail '" + internal.trim() + "'";
				}
			}
		}
		return null;
	}

	private boolean servesNormally() {
		SampleHttpClient client = new SampleHttpClient(this.port);
		Map<String, Object> post = Map.of("title", "After the corpus " + UUID.randomUUID(), "content", "Still here",
				"authorEmail", "after@example.com");
		SampleHttpClient.Response created = client.post("/api/v1/posts", post);
		if (created.status() != 201) {
			return false;
		}
		SampleHttpClient.Response read = client.get("/api/v1/posts/" + created.json().get("id").asLong());
		return read.status() == 200 && client.get("/api/v1/posts").status() == 200;
	}

	private static int count(Map<Integer, Integer> statuses, int from, int to) {
		return statuses.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() >= from && entry.getKey() <= to)
			.mapToInt(Map.Entry::getValue)
			.sum();
	}

	private static String describe(RawHttp.Response response) {
		return response.status() + " " + response.header("Content-Type") + " " + abbreviate(response.body());
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
