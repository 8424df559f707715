package dev.errortracking.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Classifies any exception: per-class overrides first, then the mappers in order along the cause chain, else 500.
 */
public class ErrorClassifier {

	private static final int MAX_CAUSE_DEPTH = 16;

	private final List<ErrorMapper> mappers;

	private final Map<String, StatusOverride> overrides;

	/**
	 * Create a classifier.
	 * @param mappers the mappers: the application's in the given order, then the built-in ones
	 * @param overrides status and code per exception class name, applied to subclasses too
	 */
	public ErrorClassifier(List<ErrorMapper> mappers, Map<String, StatusOverride> overrides) {
		List<ErrorMapper> ordered = new ArrayList<>();
		mappers.stream().filter((mapper) -> !(mapper instanceof BuiltInErrorMapper)).forEach(ordered::add);
		mappers.stream()
			.filter(BuiltInErrorMapper.class::isInstance)
			.map(BuiltInErrorMapper.class::cast)
			.sorted(Comparator.comparingInt(BuiltInErrorMapper::builtInOrder))
			.forEach(ordered::add);
		this.mappers = List.copyOf(ordered);
		this.overrides = Map.copyOf(overrides);
	}

	/** Describe {@code exception} for the client. */
	public ResolvedError classify(Throwable exception) {
		ResolvedError error = map(exception);
		StatusOverride override = overrideFor(exception);
		if (override != null) {
			int status = (override.status() != null) ? override.status() : error.status();
			String code = (override.code() != null) ? override.code()
					: (override.status() != null) ? ErrorCodes.forStatus(status) : error.code();
			error = error.withStatusAndCode(status, code);
		}
		return error.withException(exception);
	}

	private ResolvedError map(Throwable exception) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Throwable current = exception;
		while (current != null && seen.size() < MAX_CAUSE_DEPTH && seen.add(current)) {
			for (ErrorMapper mapper : this.mappers) {
				ResolvedError error = mapper.map(current);
				if (error != null) {
					return error;
				}
			}
			current = current.getCause();
		}
		return ResolvedError.ofStatus(500, exception);
	}

	private StatusOverride overrideFor(Throwable exception) {
		if (this.overrides.isEmpty()) {
			return null;
		}
		for (Class<?> type = exception.getClass(); type != null; type = type.getSuperclass()) {
			StatusOverride override = this.overrides.get(type.getName());
			if (override != null) {
				return override;
			}
		}
		return null;
	}

	/**
	 * A configured status and code for an exception class; either may be {@code null} to keep the mapped one.
	 *
	 * @param status the status to use
	 * @param code the error code to use
	 */
	public record StatusOverride(Integer status, String code) {

	}

}
