package dev.errortracking.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * A view of a logged exception whose messages, of the exception and of every cause and suppressed exception, are
 * scrubbed: the only data a rendered stack trace holds, the rest being class, method and file names.
 */
final class ScrubbedThrowableProxy implements IThrowableProxy {

	private final IThrowableProxy delegate;

	private final PrivacyScrubber scrubber;

	private ScrubbedThrowableProxy(IThrowableProxy delegate, PrivacyScrubber scrubber) {
		this.delegate = delegate;
		this.scrubber = scrubber;
	}

	static IThrowableProxy of(IThrowableProxy proxy, PrivacyScrubber scrubber) {
		return (proxy != null) ? new ScrubbedThrowableProxy(proxy, scrubber) : null;
	}

	@Override
	public String getMessage() {
		return this.scrubber.scrubText(this.delegate.getMessage());
	}

	@Override
	public String getClassName() {
		return this.delegate.getClassName();
	}

	@Override
	public StackTraceElementProxy[] getStackTraceElementProxyArray() {
		return this.delegate.getStackTraceElementProxyArray();
	}

	@Override
	public int getCommonFrames() {
		return this.delegate.getCommonFrames();
	}

	@Override
	public IThrowableProxy getCause() {
		return of(this.delegate.getCause(), this.scrubber);
	}

	@Override
	public IThrowableProxy[] getSuppressed() {
		IThrowableProxy[] suppressed = this.delegate.getSuppressed();
		if (suppressed == null || suppressed.length == 0) {
			return suppressed;
		}
		IThrowableProxy[] scrubbed = new IThrowableProxy[suppressed.length];
		for (int i = 0; i < suppressed.length; i++) {
			scrubbed[i] = of(suppressed[i], this.scrubber);
		}
		return scrubbed;
	}

	@Override
	public boolean isCyclic() {
		return this.delegate.isCyclic();
	}

}
