package dev.errortracking.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.ClassUtils;

/**
 * Maps data access failures: integrity violations and optimistic locking to 409, an unreachable database to 503.
 */
public final class DataAccessErrorMapper implements BuiltInErrorMapper {

	static final String INTEGRITY_MESSAGE = "Database constraint violation";

	static final String CONFLICT_MESSAGE = "The resource was changed by another request; reload it and retry";

	private static final Class<?> JPA_OPTIMISTIC_LOCK = loadOptional("jakarta.persistence.OptimisticLockException");

	@Override
	public ResolvedError map(Throwable exception) {
		if (exception instanceof DataIntegrityViolationException) {
			return ResolvedError.of(409, ErrorCodes.INTEGRITY_ERROR, INTEGRITY_MESSAGE, null, exception);
		}
		if (exception instanceof OptimisticLockingFailureException
				|| (JPA_OPTIMISTIC_LOCK != null && JPA_OPTIMISTIC_LOCK.isInstance(exception))) {
			return ResolvedError.of(409, ErrorCodes.CONFLICT_ERROR, CONFLICT_MESSAGE, null, exception);
		}
		if (exception instanceof DataAccessResourceFailureException
				|| exception instanceof TransientDataAccessResourceException
				|| exception instanceof CannotCreateTransactionException) {
			return ResolvedError.ofStatus(503, exception);
		}
		return null;
	}

	private static Class<?> loadOptional(String name) {
		ClassLoader classLoader = DataAccessErrorMapper.class.getClassLoader();
		return ClassUtils.isPresent(name, classLoader) ? ClassUtils.resolveClassName(name, classLoader) : null;
	}

	@Override
	public int builtInOrder() {
		return 40;
	}

}
