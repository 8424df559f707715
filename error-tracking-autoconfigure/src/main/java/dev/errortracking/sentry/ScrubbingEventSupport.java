package dev.errortracking.sentry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryBaseEvent;
import io.sentry.SpanContext;
import io.sentry.protocol.Contexts;
import io.sentry.protocol.Feedback;
import io.sentry.protocol.Request;
import io.sentry.protocol.Response;
import io.sentry.protocol.SentryStackFrame;
import io.sentry.protocol.SentryStackTrace;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * Applies the privacy rules to the parts that events and transactions share. Every part is scrubbed on its own; a
 * part whose scrubbing fails is removed, so that the rest of the event is still sent.
 */
final class ScrubbingEventSupport {

	private final PrivacyScrubber scrubber;

	private final SentryUsers users;

	private final ScrubbedBreadcrumbs scrubbedBreadcrumbs = new ScrubbedBreadcrumbs();

	private final ScrubbedAttachments attachments;

	ScrubbingEventSupport(PrivacyScrubber scrubber) {
		this(scrubber, false);
	}

	ScrubbingEventSupport(PrivacyScrubber scrubber, boolean keepBinaryAttachments) {
		this.scrubber = scrubber;
		this.users = new SentryUsers(scrubber);
		this.attachments = new ScrubbedAttachments(scrubber, keepBinaryAttachments);
	}

	PrivacyScrubber scrubber() {
		return this.scrubber;
	}

	/** Scrub the attachments in {@code hint}, if there is one; if that fails, none is sent. */
	void scrubAttachments(Hint hint) {
		if (hint == null) {
			return;
		}
		guard(() -> this.attachments.scrub(hint), () -> {
			hint.clearAttachments();
			hint.setThreadDump(null);
			hint.setScreenshot(null);
			hint.setViewHierarchy(null);
			hint.setTombstone(null);
		});
	}

	void scrubBaseEvent(SentryBaseEvent event) {
		guard(() -> event.setRequest(scrubRequest(event.getRequest())), () -> event.setRequest(null));
		guard(() -> event.setUser(this.users.reduce(event.getUser())), () -> event.setUser(null));
		guard(() -> event.setTags(scrubStrings(event.getTags())), () -> event.setTags(null));
		guard(() -> event.setExtras(withoutNulls(this.scrubber.scrubMap(event.getExtras()))),
				() -> event.setExtras(null));
		guard(() -> scrubContexts(event.getContexts()), () -> clearContexts(event.getContexts()));
		guard(() -> event.setBreadcrumbs(scrubBreadcrumbs(event.getBreadcrumbs())), () -> event.setBreadcrumbs(null));
	}

	void scrubBreadcrumb(Breadcrumb breadcrumb) {
		breadcrumb.setMessage(this.scrubber.scrubText(breadcrumb.getMessage()));
		Map<String, Object> data = breadcrumb.getData();
		if (data != null && !data.isEmpty()) {
			Map<String, Object> scrubbed = this.scrubber.scrubMap(data);
			if (!scrubbed.equals(data)) {
				data.clear();
				scrubbed.forEach((key, value) -> {
					if (value != null) {
						breadcrumb.setData(key, value);
					}
				});
			}
		}
		if (breadcrumb.getUnknown() != null) {
			breadcrumb.setUnknown(withoutNulls(this.scrubber.scrubMap(breadcrumb.getUnknown())));
		}
	}

	void scrubStackTrace(SentryStackTrace stackTrace) {
		if (stackTrace == null || stackTrace.getFrames() == null) {
			return;
		}
		for (SentryStackFrame frame : stackTrace.getFrames()) {
			if (frame.getVars() != null) {
				frame.setVars(withoutNulls(this.scrubber.scrubMap(frame.getVars())));
			}
			frame.setContextLine(this.scrubber.scrubText(frame.getContextLine()));
		}
	}

	Map<String, String> scrubStrings(Map<String, String> values) {
		if (values == null) {
			return null;
		}
		Map<String, String> result = new HashMap<>();
		values.forEach((key, value) -> {
			Object scrubbed = this.scrubber.scrubEntry(key, value);
			if (scrubbed != null) {
				result.put(this.scrubber.scrubKey(key), String.valueOf(scrubbed));
			}
		});
		return result;
	}

	Map<String, Object> scrubObjects(Map<String, Object> values) {
		return (values != null) ? withoutNulls(this.scrubber.scrubMap(values)) : null;
	}

	/**
	 * A scrubbed copy, built field by field so that no map is copied only to be replaced: the SDK shares the request
	 * of the scope with every event and may change it later. A field this method does not know is not copied.
	 */
	private Request scrubRequest(Request original) {
		if (original == null) {
			return null;
		}
		Request request = new Request();
		request.setMethod(original.getMethod());
		request.setBodySize(original.getBodySize());
		request.setApiTarget(original.getApiTarget());
		request.setUrl(this.scrubber.scrubUrl(original.getUrl()));
		request.setQueryString(this.scrubber.scrubQueryString(original.getQueryString()));
		request.setFragment(this.scrubber.scrubQueryString(original.getFragment()));
		request.setCookies(this.scrubber.scrubCookies(original.getCookies()));
		Map<String, String> headers = original.getHeaders();
		if (headers != null) {
			request.setHeaders(withoutNullValues(this.scrubber.scrubHeaders(headers)));
		}
		request.setEnvs(scrubStrings(original.getEnvs()));
		request.setOthers(scrubStrings(original.getOthers()));
		Object data = original.getData();
		if (data instanceof String body) {
			request.setData(this.scrubber.scrubBody(body, header(headers, "Content-Type")));
		}
		else if (data != null) {
			request.setData(this.scrubber.scrub(data));
		}
		if (original.getUnknown() != null) {
			request.setUnknown(scrubObjects(original.getUnknown()));
		}
		return request;
	}

	private void scrubContexts(Contexts contexts) {
		if (contexts == null) {
			return;
		}
		for (String key : Collections.list(contexts.keys())) {
			Object value = contexts.get(key);
			if (this.scrubber.isSensitiveKey(key)) {
				contexts.remove(key);
			}
			else if (value instanceof SpanContext span) {
				scrubSpanContext(span);
			}
			else if (value instanceof Feedback feedback) {
				scrubFeedback(feedback);
			}
			else if (value instanceof Response response) {
				Response copy = new Response(response);
				scrubResponse(copy);
				contexts.put(key, copy);
			}
			else if (value instanceof Map<?, ?> map) {
				contexts.put(key, withoutNulls(this.scrubber.scrubMap(stringKeys(map))));
			}
			else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
				contexts.put(key, this.scrubber.scrub(value));
			}
			else if (value != null && !isSentryType(value)) {
				contexts.remove(key);
			}
		}
	}

	/**
	 * Scrub what a user wrote as feedback; the name and the contact address are kept, since the user gave them to be
	 * answered.
	 */
	private void scrubFeedback(Feedback feedback) {
		feedback.setMessage(this.scrubber.scrubText(feedback.getMessage()));
		feedback.setUrl(this.scrubber.scrubUrl(feedback.getUrl()));
		if (feedback.getUnknown() != null) {
			feedback.setUnknown(scrubObjects(feedback.getUnknown()));
		}
	}

	private void scrubSpanContext(SpanContext span) {
		span.setDescription(this.scrubber.scrubText(span.getDescription()));
		Map<String, Object> data = span.getData();
		if (data != null && !data.isEmpty()) {
			Map<String, Object> scrubbed = withoutNulls(this.scrubber.scrubMap(data));
			data.clear();
			data.putAll(scrubbed);
		}
		Map<String, String> tags = span.getTags();
		if (tags != null && !tags.isEmpty()) {
			Map<String, String> scrubbed = scrubStrings(tags);
			tags.clear();
			tags.putAll(scrubbed);
		}
	}

	private void scrubResponse(Response response) {
		String contentType = header(response.getHeaders(), "Content-Type");
		if (response.getHeaders() != null) {
			response.setHeaders(withoutNullValues(this.scrubber.scrubHeaders(response.getHeaders())));
		}
		response.setCookies(this.scrubber.scrubCookies(response.getCookies()));
		Object data = response.getData();
		if (data instanceof String body) {
			response.setData(this.scrubber.scrubBody(body, contentType));
		}
		else if (data != null) {
			response.setData(this.scrubber.scrub(data));
		}
	}

	private List<Breadcrumb> scrubBreadcrumbs(List<Breadcrumb> breadcrumbs) {
		if (breadcrumbs == null) {
			return null;
		}
		List<Breadcrumb> result = new ArrayList<>(breadcrumbs.size());
		for (Breadcrumb breadcrumb : breadcrumbs) {
			try {
				if (!this.scrubbedBreadcrumbs.unchangedSinceScrubbed(breadcrumb)) {
					scrubBreadcrumb(breadcrumb);
					this.scrubbedBreadcrumbs.remember(breadcrumb);
				}
				result.add(breadcrumb);
			}
			catch (RuntimeException | StackOverflowError ex) {
				// a breadcrumb that cannot be scrubbed is left out
			}
		}
		return result;
	}

	private static void clearContexts(Contexts contexts) {
		if (contexts != null) {
			for (String key : Collections.list(contexts.keys())) {
				if (!(contexts.get(key) instanceof SpanContext)) {
					contexts.remove(key);
				}
			}
		}
	}

	private static boolean isSentryType(Object value) {
		String name = value.getClass().getName();
		return name.startsWith("io.sentry.protocol.") || name.startsWith("io.sentry.");
	}

	private static String header(Map<String, String> headers, String name) {
		if (headers != null) {
			for (Map.Entry<String, String> header : headers.entrySet()) {
				if (name.equalsIgnoreCase(header.getKey())) {
					return header.getValue();
				}
			}
		}
		return null;
	}

	private static Map<String, Object> stringKeys(Map<?, ?> map) {
		Map<String, Object> result = new HashMap<>();
		map.forEach((key, value) -> result.put(String.valueOf(key), value));
		return result;
	}

	private static Map<String, Object> withoutNulls(Map<String, Object> map) {
		if (map == null) {
			return null;
		}
		map.values().removeIf(Objects::isNull);
		return map;
	}

	private static Map<String, String> withoutNullValues(Map<String, String> map) {
		map.values().removeIf(Objects::isNull);
		return map;
	}

	static void guard(Runnable scrub, Runnable remove) {
		try {
			scrub.run();
		}
		catch (RuntimeException | StackOverflowError ex) {
			try {
				remove.run();
			}
			catch (RuntimeException removalFailed) {
				// nothing more can be removed
			}
		}
	}

}
