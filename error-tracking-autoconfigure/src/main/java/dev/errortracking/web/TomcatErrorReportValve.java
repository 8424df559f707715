package dev.errortracking.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import dev.errortracking.context.RequestId;

/**
 * Writes the standard error body for the errors that Tomcat answers itself before a request reaches the application
 * (a malformed request line, header or URI, a header over the size limit), in place of Tomcat's HTML page. An
 * unsupported protocol version or transfer coding, which Tomcat answers with 505 or 501, is bad input and answered
 * with 400.
 */
public class TomcatErrorReportValve extends ErrorReportValve {

	private static final Map<Integer, String> UNSUPPORTED_BY_THE_SERVER = Map.of(501,
			"The request uses a method or transfer coding that is not supported", 505,
			"The HTTP version is not supported");

	private final ErrorResponseWriter writer;

	public TomcatErrorReportValve(ErrorResponseWriter writer) {
		this.writer = writer;
		setShowReport(false);
		setShowServerInfo(false);
	}

	/** Replace every error report valve of {@code host} with one that writes through {@code writer}. */
	public static void install(Host host, ErrorResponseWriter writer) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve) {
				host.getPipeline().removeValve(valve);
			}
		}
		host.getPipeline().addValve(new TomcatErrorReportValve(writer));
		if (host instanceof StandardHost standardHost) {
			standardHost.setErrorReportValveClass(TomcatErrorReportValve.class.getName());
		}
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		String unsupported = UNSUPPORTED_BY_THE_SERVER.get(status);
		ResolvedError error = (unsupported != null)
				? ResolvedError.of(400, ErrorCodes.BAD_REQUEST, unsupported, Map.of(), throwable)
				: ResolvedError.ofStatus(status, throwable);
		try {
			this.writer.write(request, response, error, RequestId.getOrCreate(request), null);
			response.finishResponse();
		}
		catch (IOException | RuntimeException ex) {
			// The connection is gone or unusable: nothing more can be sent.
		}
	}

}
