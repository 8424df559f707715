package dev.errortracking.sentry;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.sentry.Breadcrumb;

/**
 * Remembers the last breadcrumbs that events carried, as scrubbing left them, so that the next event carrying one
 * unchanged, such as the global scope's breadcrumbs that every event carries, does not scrub it again. Only
 * breadcrumbs whose data values are immutable are remembered, each by identity; any change to the message, the data
 * or the unknown fields makes it be scrubbed again.
 */
final class ScrubbedBreadcrumbs {

	private static final int SLOTS = 1024;

	private final AtomicReferenceArray<Snapshot> slots = new AtomicReferenceArray<>(SLOTS);

	void remember(Breadcrumb breadcrumb) {
		Snapshot snapshot = Snapshot.of(breadcrumb);
		if (snapshot != null) {
			this.slots.set(slot(breadcrumb), snapshot);
		}
	}

	boolean unchangedSinceScrubbed(Breadcrumb breadcrumb) {
		Snapshot snapshot = this.slots.get(slot(breadcrumb));
		return snapshot != null && snapshot.matches(breadcrumb);
	}

	private static int slot(Breadcrumb breadcrumb) {
		int hash = System.identityHashCode(breadcrumb);
		return (hash ^ (hash >>> 16)) & (SLOTS - 1);
	}

	private static boolean immutable(Object value) {
		return value instanceof String || value instanceof Integer || value instanceof Long
				|| value instanceof Boolean || value instanceof Double || value instanceof Float
				|| value instanceof Short || value instanceof Byte;
	}

	private record Snapshot(Breadcrumb breadcrumb, String message, Object[] entries) {

		static Snapshot of(Breadcrumb breadcrumb) {
			Map<String, Object> unknown = breadcrumb.getUnknown();
			Map<String, Object> data = breadcrumb.getData();
			if ((unknown != null && !unknown.isEmpty()) || data == null) {
				return null;
			}
			Object[] entries = new Object[data.size() * 2];
			int i = 0;
			for (Map.Entry<String, Object> entry : data.entrySet()) {
				if (i == entries.length || !immutable(entry.getValue())) {
					return null;
				}
				entries[i++] = entry.getKey();
				entries[i++] = entry.getValue();
			}
			return (i == entries.length) ? new Snapshot(breadcrumb, breadcrumb.getMessage(), entries) : null;
		}

		boolean matches(Breadcrumb candidate) {
			if (this.breadcrumb != candidate || candidate.getMessage() != this.message) {
				return false;
			}
			Map<String, Object> unknown = candidate.getUnknown();
			Map<String, Object> data = candidate.getData();
			if ((unknown != null && !unknown.isEmpty()) || data == null || data.size() * 2 != this.entries.length) {
				return false;
			}
			for (int i = 0; i < this.entries.length; i += 2) {
				if (data.get(this.entries[i]) != this.entries[i + 1]) {
					return false;
				}
			}
			return true;
		}

	}

}
