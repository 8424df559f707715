package dev.errortracking.context;

import io.sentry.EventProcessor;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.User;
import org.slf4j.MDC;

/**
 * Adds the request context of the capturing thread to Sentry events: the request id, route and method as
 * tags, and the user id when the event has no user yet.
 */
public class RequestContextEventProcessor implements EventProcessor {

	private static final long ORDER = 15_000L;

	@Override
	public SentryEvent process(SentryEvent event, Hint hint) {
		tag(event, MdcKeys.REQUEST_ID);
		tag(event, MdcKeys.HTTP_ROUTE);
		tag(event, MdcKeys.HTTP_METHOD);
		String userId = MDC.get(MdcKeys.USER_ID);
		if (userId != null) {
			User user = event.getUser();
			if (user == null) {
				user = new User();
				event.setUser(user);
			}
			if (user.getId() == null) {
				user.setId(userId);
			}
		}
		return event;
	}

	private static void tag(SentryEvent event, String key) {
		String value = MDC.get(key);
		if (value != null && event.getTag(key) == null) {
			event.setTag(key, value);
		}
	}

	@Override
	public Long getOrder() {
		return ORDER;
	}

}
