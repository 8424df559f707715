package dev.errortracking.sample.resilience;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The corpus of malformed and hostile requests against every endpoint of the sample app. Wherever a value could be
 * echoed, it carries a unique marker so that a reflection shows up in the answer.
 */
final class BadInputCorpus {

	static final String POSTS = "/api/v1/posts";

	static final String POST_1 = "/api/v1/posts/1";

	static final String MISSING_POST = "/api/v1/posts/987654321";

	static final String BATCH = "/api/v1/posts/batch";

	static final String EXTERNAL_1 = "/api/v1/external/1";

	static final String DEBUG = "/sentry-debug";

	/** The endpoints of the sample app, as the corpus names them. */
	static final List<String> ENDPOINTS = List.of("GET /api/v1/posts/{id}", "PUT /api/v1/posts/{id}",
			"DELETE /api/v1/posts/{id}", "GET /api/v1/posts", "POST /api/v1/posts", "POST /api/v1/posts/batch",
			"GET /api/v1/external/{id}", "GET /sentry-debug", "POST /sentry-debug", "/error", "unknown route");

	private static final List<JsonEndpoint> JSON_ENDPOINTS = List.of(
			new JsonEndpoint("POST", POSTS, "POST /api/v1/posts", false),
			new JsonEndpoint("POST", BATCH, "POST /api/v1/posts/batch", false),
			new JsonEndpoint("PUT", MISSING_POST, "PUT /api/v1/posts/{id}", false),
			new JsonEndpoint("POST", DEBUG, "POST /sentry-debug", true));

	private final List<BadInput> inputs = new ArrayList<>();

	private int markerCount;

	private BadInputCorpus() {
	}

	static List<BadInput> build() {
		BadInputCorpus corpus = new BadInputCorpus();
		corpus.requestLines();
		corpus.brokenJson();
		corpus.wrongTypes();
		corpus.hugeBodies();
		corpus.contentTypes();
		corpus.pathTricks();
		corpus.methods();
		corpus.headers();
		corpus.framing();
		corpus.queryStrings();
		corpus.credentials();
		return List.copyOf(corpus.inputs);
	}

	private void requestLines() {
		String m = marker();
		rejectedRaw("request-line", "unknown route", "garbage line", "GARBAGE" + m + "\r\n\r\n");
		rejectedRaw("request-line", "unknown route", "method only", "GET\r\nHost: 127.0.0.1\r\n\r\n");
		add("request-line", "GET /api/v1/posts/{id}", "no protocol (HTTP/0.9)", true, List.of(m),
				("GET " + POSTS + "/abc" + m + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), BadInput.Answer.BODY_ONLY);
		rejectedRaw("request-line", "GET /api/v1/posts", "unsupported version",
				"GET " + POSTS + " HTTP/9.9\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		rejectedRaw("request-line", "GET /api/v1/posts", "HTTP/2 in an HTTP/1 connection",
				"GET " + POSTS + " HTTP/2.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		rejectedRaw("request-line", "GET /api/v1/posts", "lower-case protocol",
				"GET " + POSTS + " http/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		add("request-line", "unknown route", "HTTP/2 connection preface", true, List.of(),
				"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), BadInput.Answer.NONE);
		rejectedRaw("request-line", "GET /api/v1/posts/{id}", "NUL byte in the target",
				"GET " + POSTS + "/\0" + m + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		rejectedRaw("request-line", "GET /api/v1/posts/{id}", "raw space in the target",
				"GET " + POSTS + "/1 " + m + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		rejectedRaw("request-line", "GET /api/v1/posts", "target longer than the header limit",
				"GET " + POSTS + "?" + "q=" + m + "x".repeat(20_000)
						+ " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		rejectedRaw("request-line", "unknown route", "asterisk target for GET",
				"GET * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		rejectedRaw("request-line", "GET /api/v1/posts/{id}", "control character in the target",
				"GET " + POSTS + "/\u0001" + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		rejectedRaw("request-line", "GET /api/v1/posts/{id}", "raw non-ASCII bytes in the target",
				"GET " + POSTS + "/\u00ff\u00fe" + m + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		anyRaw("request-line", "GET /api/v1/posts", "absolute-form target of another host",
				"GET http://evil.example" + POSTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		rejectedRaw("request-line", "unknown route", "CONNECT to another host",
				"CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\nConnection: close\r\n\r\n");
	}

	private void brokenJson() {
		for (JsonEndpoint endpoint : JSON_ENDPOINTS) {
			String m = marker();
			json(endpoint, "truncated", "{\"title\": \"" + m);
			json(endpoint, "trailing garbage", "{\"title\": \"t\"} " + m);
			json(endpoint, "single quotes", "{'title': '" + m + "'}");
			json(endpoint, "unquoted names", "{title: \"" + m + "\"}");
			json(endpoint, "comment", "/* " + m + " */ {\"title\": \"t\"}");
			json(endpoint, "trailing comma", "{\"title\": \"" + m + "\",}");
			json(endpoint, "NaN literal", "{\"title\": \"" + m + "\", \"version\": NaN}");
			json(endpoint, "bare word", m);
			json(endpoint, "empty body", "");
			json(endpoint, "whitespace only", "   \r\n\t ");
			json(endpoint, "JSON null", "null");
			json(endpoint, "unterminated escape", "{\"title\": \"\\u12" + m + "\"}");
			json(endpoint, "control character in a string", "{\"title\": \"a\u0001" + m + "\"}");
			json(endpoint, "arrays nested 5000 deep", "[".repeat(5000) + "\"" + m + "\"" + "]".repeat(5000));
			json(endpoint, "objects nested 5000 deep", "{\"a\":".repeat(5000) + "\"" + m + "\"" + "}".repeat(5000));
			if (!endpoint.failsOnAnyObject()) {
				// Jackson decodes overlong sequences leniently, so this is a well-formed object to it.
				jsonBytes(endpoint, "overlong UTF-8 for '/'", "application/json",
						RawHttp.concat(("{\"title\": \"" + m).getBytes(StandardCharsets.UTF_8),
								new byte[] { (byte) 0xc0, (byte) 0xaf, '"', '}' }));
				json(endpoint, "arrays nested 900 deep in a field",
						"{\"title\": " + "[".repeat(900) + "\"" + m + "\"" + "]".repeat(900) + "}");
				json(endpoint, "exponent of a million", "{\"version\": 1e1000000, \"t\": \"" + m + "\"}");
			}
			jsonBytes(endpoint, "invalid UTF-8", "application/json",
					RawHttp.concat(("{\"title\": \"" + m).getBytes(StandardCharsets.UTF_8),
							new byte[] { (byte) 0xff, (byte) 0xfe, '"', '}' }));
			json(endpoint, "number with 5000 digits", "{\"version\": " + "9".repeat(5000) + ", \"t\": \"" + m + "\"}");
		}
	}

	private void wrongTypes() {
		String m = marker();
		JsonEndpoint create = JSON_ENDPOINTS.get(0);
		JsonEndpoint batch = JSON_ENDPOINTS.get(1);
		JsonEndpoint update = JSON_ENDPOINTS.get(2);
		JsonEndpoint debug = JSON_ENDPOINTS.get(3);
		json(create, "title is an object", "{\"title\": {\"" + m + "\": 1}, \"content\": \"c\", \"authorEmail\": \"a@b.co\"}");
		json(create, "title is an array", "{\"title\": [\"" + m + "\"], \"content\": \"c\", \"authorEmail\": \"a@b.co\"}");
		json(create, "content is a boolean and the title blank",
				"{\"title\": \" \", \"content\": true, \"authorEmail\": \"" + m + "\"}");
		json(create, "top-level array", "[{\"title\": \"" + m + "\"}]");
		json(create, "top-level string", "\"" + m + "\"");
		json(create, "top-level number", "12345678901234567890123");
		json(create, "invalid email", "{\"title\": \"" + m + "\", \"content\": \"c\", \"authorEmail\": \"" + m + "@\"}");
		json(create, "script in every field",
				"{\"title\": \"<script>" + m + "</script>\", \"content\": \"'; DROP TABLE posts; --" + m
						+ "\", \"authorEmail\": \"<img src=x onerror=" + m + ">\"}");
		json(create, "byte order mark and a blank title",
				"\uFEFF{\"title\": \"\", \"content\": \"" + m + "\", \"authorEmail\": \"a@b.co\"}");
		json(create, "hostile field names",
				"{\"" + m + "<script>\": 1, \"__proto__\": {\"" + m + "\": 1}, \"title\": \"\"}");
		json(update, "version is a string", "{\"title\": \"t\", \"content\": \"c\", \"authorEmail\": \"a@b.co\", \"version\": \"" + m + "\"}");
		json(update, "version is negative", "{\"title\": \"" + m + "\", \"content\": \"c\", \"authorEmail\": \"a@b.co\", \"version\": -1}");
		json(update, "version is a boolean", "{\"title\": \"" + m + "\", \"content\": \"c\", \"authorEmail\": \"a@b.co\", \"version\": true}");
		json(update, "version is beyond a long", "{\"title\": \"" + m + "\", \"content\": \"c\", \"authorEmail\": \"a@b.co\", \"version\": 99999999999999999999999}");
		json(update, "version missing", "{\"title\": \"" + m + "\", \"content\": \"c\", \"authorEmail\": \"a@b.co\"}");
		json(batch, "posts is an object", "{\"posts\": {\"title\": \"" + m + "\"}}");
		json(batch, "posts are strings", "{\"posts\": [\"" + m + "\"]}");
		json(batch, "posts is null", "{\"posts\": null, \"x\": \"" + m + "\"}");
		json(batch, "posts is empty", "{\"posts\": [], \"x\": \"" + m + "\"}");
		json(batch, "a null post", "{\"posts\": [null], \"x\": \"" + m + "\"}");
		StringBuilder tooMany = new StringBuilder("{\"posts\": [");
		for (int i = 0; i < 101; i++) {
			tooMany.append((i > 0) ? "," : "").append("{\"title\": \"").append(m).append(i)
				.append("\", \"content\": \"c\", \"authorEmail\": \"a@b.co\"}");
		}
		json(batch, "101 posts, one over the limit", tooMany.append("]}").toString());
		json(debug, "top-level array", "[\"" + m + "\"]");
		json(debug, "top-level string", "\"" + m + "\"");
		json(debug, "top-level number", "42");
	}

	private void hugeBodies() {
		String m = marker();
		JsonEndpoint create = JSON_ENDPOINTS.get(0);
		json(create, "5 MB of content",
				"{\"title\": \"" + m + "\", \"content\": \"" + "x".repeat(5 << 20) + "\", \"authorEmail\": \"a@b.co\"}");
		json(create, "a string over the parser's 20 MB limit",
				"{\"title\": \"" + m + "\", \"content\": \"" + "x".repeat(21_000_000) + "\"}");
		json(create, "an unknown field of 200,000 numbers and a blank title",
				"{\"x\": [" + "1,".repeat(200_000) + "1], \"title\": \"\", \"content\": \"" + m + "\"}");
		json(JSON_ENDPOINTS.get(3), "an object with 100,000 members",
				"{" + "\"k\": 1,".repeat(100_000) + "\"" + m + "\": }");
		json(JSON_ENDPOINTS.get(1), "1 MB title in a batch",
				"{\"posts\": [{\"title\": \"" + m + "x".repeat(1 << 20) + "\", \"content\": \"c\", \"authorEmail\": \"a@b.co\"}]}");
		StringBuilder multipart = new StringBuilder("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(m)
			.append(".json\"\r\nContent-Type: application/json\r\n\r\n")
			.append("x".repeat(1_500_000))
			.append("\r\n--b--\r\n");
		add("huge-body", "POST /api/v1/posts", "1.5 MB multipart file over the upload limit", true, List.of(m),
				RawHttp.request("POST", POSTS, List.of("Content-Type: multipart/form-data; boundary=b"),
						multipart.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private void contentTypes() {
		for (JsonEndpoint endpoint : JSON_ENDPOINTS) {
			String m = marker();
			String body = endpoint.failsOnAnyObject() ? "{\"title\": \"" + m + "\"" : "{\"title\": \"" + m + "\"}";
			typed(endpoint, "missing content type", null, body);
			typed(endpoint, "text/plain", "text/plain", body);
			typed(endpoint, "application/xml", "application/xml", "<post><title>" + m + "</title></post>");
			typed(endpoint, "form encoded", "application/x-www-form-urlencoded", "title=" + m);
			typed(endpoint, "multipart without a boundary", "multipart/form-data", body);
			typed(endpoint, "multipart with a broken body", "multipart/form-data; boundary=zz", "--zz\r\n" + m);
			typed(endpoint, "unknown charset", "application/json; charset=" + m, body);
			typed(endpoint, "UTF-16 declared, UTF-8 sent", "application/json; charset=UTF-16", body);
			typed(endpoint, "malformed media type", "application/json;;;=" + m + "=;", body);
			typed(endpoint, "invalid media type", m + "/", body);
			typed(endpoint, "wildcard media type", "*/*", body);
			typed(endpoint, "7 KB media type parameter", "application/json; p=" + m + "x".repeat(7000), body);
			add("content-type", endpoint.name(), "two content types", true, List.of(m),
					RawHttp.request(endpoint.method(), endpoint.path(),
							List.of("Content-Type: text/plain", "Content-Type: application/xml"),
							body.getBytes(StandardCharsets.UTF_8)));
		}
	}

	private void pathTricks() {
		List<String[]> targets = List.of(new String[] { "GET", POSTS + "/", "GET /api/v1/posts/{id}" },
				new String[] { "PUT", POSTS + "/", "PUT /api/v1/posts/{id}" },
				new String[] { "DELETE", POSTS + "/", "DELETE /api/v1/posts/{id}" },
				new String[] { "GET", "/api/v1/external/", "GET /api/v1/external/{id}" });
		for (String[] target : targets) {
			String m = marker();
			List<String[]> tricks = List.of(new String[] { "not a number", m },
					new String[] { "decimal", "1.5" + m }, new String[] { "beyond a long", "99999999999999999999" },
					new String[] { "hex", "0x10" + m }, new String[] { "encoded dot-dot", "%2e%2e/%2e%2e/" + m },
					new String[] { "dot-dot with encoded slash", "..%2f..%2f" + m },
					new String[] { "encoded NUL", "1%00" + m }, new String[] { "double encoding", "%252e%252e%252f" + m },
					new String[] { "overlong UTF-8 dots", "%c0%ae%c0%ae/" + m },
					new String[] { "encoded slash", "1%2f" + m }, new String[] { "encoded backslash", "1%5c" + m },
					new String[] { "raw backslash", "..\\..\\" + m },
					new String[] { "path parameter", "1;jsessionid=" + m },
					new String[] { "dot-dot path parameter", "..;/..;/" + m },
					new String[] { "invalid escape", "%zz" + m }, new String[] { "lone percent", "%" + m },
					new String[] { "IIS-style escape", "%u002e%u002e" + m }, new String[] { "empty segment", "/" + m },
					new String[] { "fullwidth slash", "%ef%bc%8f" + m },
					new String[] { "invalid UTF-8 escape", "%ff%fe" + m },
					new String[] { "encoded CRLF header injection", "1%0d%0aX-Injected:%20" + m },
					new String[] { "5,000 digits", "9".repeat(5000) });
			for (String[] trick : tricks) {
				add("path", target[2], trick[0], true, markersIn(trick[1], m),
						RawHttp.request(target[0], target[1] + trick[1], bodyHeaders(target[0]), body(target[0])));
			}
		}
		String m = marker();
		add("path", "unknown route", "dot-dot out of the root", true, List.of(m),
				RawHttp.request("GET", "/../../" + m, List.of(), null));
		add("path", "unknown route", "unknown route with a script", true, List.of(m),
				RawHttp.request("GET", "/api/v1/<script>" + m, List.of(), null));
		add("path", "unknown route", "encoded script", true, List.of(m),
				RawHttp.request("GET", "/api/v1/%3Cscript%3E" + m, List.of(), null));
		add("path", "/error", "the error path asked for directly", true, List.of(m),
				RawHttp.request("GET", "/error?" + m, List.of(), null));
		add("path", "/error", "the error path with a forged status", true, List.of(m),
				RawHttp.request("POST", "/error", List.of("Content-Type: application/json"),
						("{\"status\": 500, \"x\": \"" + m + "\"}").getBytes(StandardCharsets.UTF_8)));
		add("path", "GET /sentry-debug", "debug path with encoded dot-dot", true, List.of(m),
				RawHttp.request("GET", DEBUG + "/%2e%2e/" + m, List.of(), null));
		add("path", "GET /sentry-debug", "debug path with a path parameter", true, List.of(m),
				RawHttp.request("GET", DEBUG + ";" + m + "=1", List.of(), null));
		add("path", "GET /sentry-debug", "debug path under a double slash", true, List.of(m),
				RawHttp.request("GET", "//" + DEBUG.substring(1) + "/" + m, List.of(), null));
	}

	private void methods() {
		List<String[]> paths = List.of(new String[] { POST_1, "GET /api/v1/posts/{id}" },
				new String[] { POSTS, "GET /api/v1/posts" }, new String[] { BATCH, "POST /api/v1/posts/batch" },
				new String[] { EXTERNAL_1, "GET /api/v1/external/{id}" }, new String[] { DEBUG, "GET /sentry-debug" });
		for (String[] path : paths) {
			String m = marker();
			String upper = m.toUpperCase(Locale.ROOT);
			for (String method : List.of("FOO" + upper, "PROPFIND", "PATCH", "TRACE", "get", "X".repeat(10_000))) {
				add("method", path[1], "method " + abbreviate(method), true, List.of(m, upper),
						RawHttp.request(method, path[0] + "?q=" + m, List.of(), null));
			}
		}
		add("method", "DELETE /api/v1/posts/{id}", "DELETE of the collection", true, List.of(),
				RawHttp.request("DELETE", POSTS, List.of(), null));
		add("method", "PUT /api/v1/posts/{id}", "PUT of the collection", true, List.of(),
				RawHttp.request("PUT", POSTS, List.of("Content-Type: application/json"), "{}".getBytes()));
		add("method", "GET /api/v1/external/{id}", "POST to the upstream proxy", true, List.of(),
				RawHttp.request("POST", EXTERNAL_1, List.of("Content-Type: application/json"), "{}".getBytes()));
		add("method", "GET /api/v1/posts/{id}", "HEAD of a missing post", true, List.of(),
				RawHttp.request("HEAD", POSTS + "/987654321", List.of(), null), BadInput.Answer.NO_BODY);
		add("method", "GET /sentry-debug", "HEAD below the debug path", true, List.of(),
				RawHttp.request("HEAD", DEBUG + "/x", List.of(), null), BadInput.Answer.NO_BODY);
		add("method", "GET /api/v1/posts", "OPTIONS", false, List.of(), RawHttp.request("OPTIONS", POSTS, List.of(), null));
	}

	private void headers() {
		String m = marker();
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			many.add("X-Many-" + i + ": " + m);
		}
		header("GET /api/v1/posts", "GET", POSTS, "150 headers", true, many);
		header("GET /api/v1/posts", "GET", POSTS, "20 KB header", true, List.of("X-Big: " + m + "x".repeat(20_000)));
		header("GET /api/v1/posts/{id}", "GET", "/api/v1/posts/999999", "hostile request id", true,
				List.of("X-Request-Id: <script>" + m + "</script>"));
		header("GET /api/v1/posts/{id}", "GET", "/api/v1/posts/999999", "request id of 200 characters", true,
				List.of("X-Request-Id: " + m + "a".repeat(200)));
		header("GET /api/v1/posts/{id}", "GET", "/api/v1/posts/999999", "request id with a CR inside", true,
				List.of("X-Request-Id: a\r" + m));
		header("GET /api/v1/posts/{id}", "GET", "/api/v1/posts/999999", "request id continued on a folded line",
				true, List.of("X-Request-Id: a", " X-Injected: " + m));
		header("GET /api/v1/posts/{id}", "GET", "/api/v1/posts/999999", "request id with non-ASCII bytes", true,
				List.of("X-Request-Id: \u00ff\u00e9" + m));
		header("GET /api/v1/posts/{id}", "GET", "/api/v1/posts/abc" + m, "NUL in a header value", true,
				List.of("X-Request-Id: a\0" + m));
		header("GET /api/v1/posts", "GET", POSTS, "space in a header name", true, List.of("Bad Header: " + m));
		header("GET /api/v1/posts", "GET", POSTS, "header without a colon", true, List.of("X-Broken-" + m));
		header("GET /api/v1/posts", "GET", POSTS, "header name of 2,000 characters", false,
				List.of("X-" + "n".repeat(2000) + m + ": 1"));
		rejectedRaw("header", "GET /api/v1/posts", "no Host header",
				"GET " + POSTS + " HTTP/1.1\r\nConnection: close\r\n\r\n");
		rejectedRaw("header", "GET /api/v1/posts", "two Host headers",
				"GET " + POSTS + " HTTP/1.1\r\nHost: a.example\r\nHost: " + m + ".example\r\nConnection: close\r\n\r\n");
		rejectedRaw("header", "GET /api/v1/posts/{id}", "hostile Host header",
				"GET " + POSTS + "/abc HTTP/1.1\r\nHost: <" + m + ">:99999\r\nConnection: close\r\n\r\n");
		header("GET /api/v1/posts/{id}", "GET", "/api/v1/posts/987654321", "XML accepted only", true,
				List.of("Accept: application/xml"));
		header("GET /api/v1/posts/{id}", "GET", "/api/v1/posts/987654321", "malformed Accept", true,
				List.of("Accept: ;;;" + m + "/"));
		header("GET /api/v1/posts", "GET", POSTS, "HTML accepted only", true, List.of("Accept: text/html"));
		header("GET /api/v1/posts/{id}", "GET", "/api/v1/posts/x" + m, "hostile cookies", true,
				List.of("Cookie: JSESSIONID=" + m + "; ;;=; a=\"" + m));
		header("GET /api/v1/posts/{id}", "GET", "/api/v1/posts/x" + m, "forwarding headers", true,
				List.of("X-Forwarded-For: " + m, "X-Forwarded-Host: " + m + ".example", "Forwarded: for=" + m));
		header("GET /api/v1/posts/{id}", "GET", "/api/v1/posts/x" + m, "hostile Range", true,
				List.of("Range: bytes=" + m));
		header("POST /api/v1/posts", "POST", POSTS, "unknown expectation", true, List.of("Expect: " + m,
				"Content-Type: application/json", "Content-Length: 2"), "{}");
		header("GET /api/v1/posts/{id}", "GET", "/api/v1/posts/x" + m, "hostile origin", true,
				List.of("Origin: http://" + m + ".example", "Access-Control-Request-Method: DELETE"));
	}

	private void framing() {
		String m = marker();
		String body = "{\"title\": \"" + m + "\"}";
		framed("negative Content-Length", List.of("Content-Length: -1"), body);
		framed("non-numeric Content-Length", List.of("Content-Length: " + m), body);
		framed("two different Content-Lengths", List.of("Content-Length: 2", "Content-Length: 5"), body);
		framed("Content-Length and chunked together",
				List.of("Content-Length: 4", "Transfer-Encoding: chunked"), "0\r\n\r\n" + body);
		framed("unsupported transfer coding", List.of("Transfer-Encoding: gzip"), body);
		framed("unknown transfer coding", List.of("Transfer-Encoding: " + m), body);
		framed("invalid chunk size", List.of("Transfer-Encoding: chunked"), "ZZ\r\n" + body + "\r\n0\r\n\r\n");
		framed("chunk size beyond a long", List.of("Transfer-Encoding: chunked"),
				"FFFFFFFFFFFFFFFFFFFF\r\n" + body + "\r\n0\r\n\r\n");
		framed("chunked body without its end", List.of("Transfer-Encoding: chunked"), "5\r\n{\"ti\r\n");
		framed("body shorter than its Content-Length", List.of("Content-Length: 1000"), body);
		framed("Content-Length beyond a long", List.of("Content-Length: 99999999999999999999"), body);
	}

	private void queryStrings() {
		String m = marker();
		List<String[]> rejected = List.of(new String[] { "page is text", "page=" + m },
				new String[] { "size is text", "size=" + m }, new String[] { "negative page", "page=-1&x=" + m },
				new String[] { "size zero", "size=0&x=" + m }, new String[] { "size over the maximum", "size=101" },
				new String[] { "size beyond an int", "size=99999999999" }, new String[] { "page in exponent form", "page=1e3" },
				new String[] { "page with NUL", "page=%00" + m }, new String[] { "page of invalid UTF-8", "page=%ff%fe" + m },
				new String[] { "SQL in size", "size=1;DROP%20TABLE%20posts--" + m },
				new String[] { "script in page", "page=%3Cscript%3E" + m });
		for (String[] query : rejected) {
			add("query", "GET /api/v1/posts", query[0], true, markersIn(query[1], m),
					RawHttp.request("GET", POSTS + "?" + query[1], List.of(), null));
		}
		StringBuilder thousands = new StringBuilder("page=0");
		for (int i = 0; i < 2000; i++) {
			thousands.append("&p").append(i).append('=').append(i);
		}
		List<String[]> tolerated = List.of(new String[] { "2,000 parameters", thousands.toString() },
				new String[] { "page twice, the first one used", "page=1&page=" + m },
				new String[] { "name of 4,000 characters", m + "n".repeat(4000) + "=1" },
				new String[] { "empty names and values", "=&=&&&=" + m }, new String[] { "lone percent", "%&" + m },
				new String[] { "invalid escape in a name", "%zz=" + m }, new String[] { "bracket names", "a[b][c]=" + m },
				new String[] { "invalid UTF-8 in an unknown parameter", "x=%ff" + m },
				new String[] { "encoded CRLF", "x=%0d%0aX-Injected:%20" + m });
		for (String[] query : tolerated) {
			add("query", "GET /api/v1/posts", query[0], false, List.of(m),
					RawHttp.request("GET", POSTS + "?" + query[1], List.of(), null));
		}
		for (String[] query : tolerated.subList(1, tolerated.size())) {
			add("query", "GET /api/v1/external/{id}", query[0] + " on an invalid id", true, List.of(m),
					RawHttp.request("GET", "/api/v1/external/x?" + query[1], List.of(), null));
		}
	}

	private void credentials() {
		String m = marker();
		List<String[]> authorizations = List.of(new String[] { "not base64", "Basic !!!" + m },
				new String[] { "no colon", "Basic " + base64(m) },
				new String[] { "unknown user", "Basic " + base64(m + ":" + m) },
				new String[] { "wrong password", "Basic " + base64("admin:" + m) },
				new String[] { "user without the role", "Basic " + base64("reader:reader-password") },
				new String[] { "invalid UTF-8 credentials", "Basic " + Base64.getEncoder()
					.encodeToString(new byte[] { (byte) 0xff, ':', (byte) 0xfe }) },
				new String[] { "unknown scheme", "Negotiate " + m },
				new String[] { "bearer token", "Bearer " + m }, new String[] { "empty", "" },
				new String[] { "5 KB token", "Basic " + base64(m + ":" + "p".repeat(3700)) });
		for (String[] authorization : authorizations) {
			add("credentials", "DELETE /api/v1/posts/{id}", authorization[0], true, List.of(m),
					RawHttp.request("DELETE", POST_1, List.of("Authorization: " + authorization[1]), null));
		}
	}

	private void json(JsonEndpoint endpoint, String name, String body) {
		jsonBytes(endpoint, name, "application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	private void jsonBytes(JsonEndpoint endpoint, String name, String contentType, byte[] body) {
		add("json", endpoint.name(), name, true, List.of(currentMarker()),
				RawHttp.request(endpoint.method(), endpoint.path(), List.of("Content-Type: " + contentType), body));
	}

	private void typed(JsonEndpoint endpoint, String name, String contentType, String body) {
		List<String> headers = (contentType != null) ? List.of("Content-Type: " + contentType) : List.of();
		add("content-type", endpoint.name(), name, true, List.of(currentMarker()),
				RawHttp.request(endpoint.method(), endpoint.path(), headers, body.getBytes(StandardCharsets.UTF_8)));
	}

	private void header(String endpoint, String method, String path, String name, boolean rejected,
			List<String> headers) {
		header(endpoint, method, path, name, rejected, headers, null);
	}

	private void header(String endpoint, String method, String path, String name, boolean rejected,
			List<String> headers, String body) {
		add("header", endpoint, name, rejected, List.of(currentMarker()),
				RawHttp.request(method, path, headers, (body != null) ? body.getBytes(StandardCharsets.UTF_8) : null));
	}

	private void framed(String name, List<String> headers, String body) {
		List<String> all = new ArrayList<>(headers);
		all.add("Content-Type: application/json");
		add("framing", "POST /api/v1/posts", name, true, List.of(currentMarker()),
				RawHttp.request("POST", POSTS, all, body.getBytes(StandardCharsets.UTF_8)));
	}

	private void rejectedRaw(String category, String endpoint, String name, String raw) {
		add(category, endpoint, name, true, List.of(currentMarker()), raw.getBytes(StandardCharsets.ISO_8859_1));
	}

	private void anyRaw(String category, String endpoint, String name, String raw) {
		add(category, endpoint, name, false, List.of(currentMarker()), raw.getBytes(StandardCharsets.ISO_8859_1));
	}

	private void add(String category, String endpoint, String name, boolean rejected, List<String> markers,
			byte[] raw) {
		add(category, endpoint, name, rejected, markers, raw, BadInput.Answer.FULL);
	}

	private void add(String category, String endpoint, String name, boolean rejected, List<String> markers,
			byte[] raw, BadInput.Answer answer) {
		this.inputs.add(new BadInput(category, endpoint, name, raw, rejected, markers, answer));
	}

	private String marker() {
		this.markerCount++;
		return currentMarker();
	}

	private String currentMarker() {
		return String.format("qzx%04dmark", this.markerCount);
	}

	private static List<String> markersIn(String text, String marker) {
		return text.contains(marker) ? List.of(marker) : List.of();
	}

	private static List<String> bodyHeaders(String method) {
		return "PUT".equals(method) ? List.of("Content-Type: application/json") : List.of();
	}

	private static byte[] body(String method) {
		return "PUT".equals(method) ? "{\"title\": \"t\", \"content\": \"c\", \"authorEmail\": \"a@b.co\", \"version\": 0}"
			.getBytes(StandardCharsets.UTF_8) : null;
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String abbreviate(String text) {
		return (text.length() > 20) ? text.substring(0, 8) + "…(" + text.length() + " characters)" : text;
	}

	/**
	 * An endpoint that reads a JSON body.
	 *
	 * @param failsOnAnyObject whether every well-formed JSON object ends in a deliberate 500 there, so that only
	 * input rejected before the handler is bad input for it
	 */
	private record JsonEndpoint(String method, String path, String name, boolean failsOnAnyObject) {

	}

}
