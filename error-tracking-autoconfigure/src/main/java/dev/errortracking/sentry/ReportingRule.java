package dev.errortracking.sentry;

import java.util.Collection;
import java.util.Set;

import dev.errortracking.web.ResolvedError;

/**
 * Decides whether a failure is reported: exception types listed to always or never be reported win, the nearest
 * listed supertype deciding, otherwise the status must lie in the reported range.
 */
public final class ReportingRule {

	private static final int NO_MATCH = Integer.MAX_VALUE;

	private final int minStatus;

	private final int maxStatus;

	private final Set<String> alwaysReport;

	private final Set<String> neverReport;

	/**
	 * Create a rule.
	 * @param minStatus the lowest status reported
	 * @param maxStatus the highest status reported
	 * @param alwaysReport class names of exceptions reported whatever their status, subclasses included
	 * @param neverReport class names of exceptions never reported, subclasses included
	 */
	public ReportingRule(int minStatus, int maxStatus, Collection<String> alwaysReport,
			Collection<String> neverReport) {
		this.minStatus = minStatus;
		this.maxStatus = maxStatus;
		this.alwaysReport = Set.copyOf(alwaysReport);
		this.neverReport = Set.copyOf(neverReport);
	}

	/** Whether {@code error} is reported. */
	public boolean shouldReport(ResolvedError error) {
		Throwable exception = error.exception();
		if (exception != null) {
			int always = distance(exception.getClass(), this.alwaysReport);
			int never = distance(exception.getClass(), this.neverReport);
			if (never != NO_MATCH || always != NO_MATCH) {
				return always < never;
			}
		}
		return error.status() >= this.minStatus && error.status() <= this.maxStatus;
	}

	private static int distance(Class<?> type, Set<String> names) {
		if (names.isEmpty() || type == null) {
			return NO_MATCH;
		}
		if (names.contains(type.getName())) {
			return 0;
		}
		int nearest = distance(type.getSuperclass(), names);
		for (Class<?> implemented : type.getInterfaces()) {
			nearest = Math.min(nearest, distance(implemented, names));
		}
		return (nearest != NO_MATCH) ? nearest + 1 : NO_MATCH;
	}

}
