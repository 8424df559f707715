package dev.errortracking.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.errortracking.context.MdcTaskDecorator;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Work that runs on the request thread once the response has been sent, so that the client does not wait for it.
 */
public final class AfterResponseTasks {

	private static final String ATTRIBUTE = AfterResponseTasks.class.getName();

	private static final Logger logger = LoggerFactory.getLogger(AfterResponseTasks.class);

	private static final MdcTaskDecorator mdc = new MdcTaskDecorator();

	private final List<Runnable> tasks = new ArrayList<>(1);

	private AfterResponseTasks() {
	}

	/**
	 * Run {@code task} once the response to {@code request} has been sent, with the MDC and request attributes the
	 * calling thread has now.
	 * @param request the request being served
	 * @param task the work
	 * @return whether the task will run later; {@code false} when the library's error handling filter does not
	 * collect work for this dispatch (its reporter does not {@linkplain ErrorReporter#reportsAfterResponse() report
	 * after the response}, or this is not the request's first dispatch), and the caller should run it now
	 */
	public static boolean defer(HttpServletRequest request, Runnable task) {
		if (!(request.getAttribute(ATTRIBUTE) instanceof AfterResponseTasks deferred)) {
			return false;
		}
		deferred.tasks.add(mdc.decorate(withRequestAttributes(task)));
		return true;
	}

	static AfterResponseTasks open(HttpServletRequest request) {
		AfterResponseTasks deferred = new AfterResponseTasks();
		request.setAttribute(ATTRIBUTE, deferred);
		return deferred;
	}

	/**
	 * Send the response, unless the request went asynchronous, and then run the tasks deferred until now; a task
	 * deferred after this call runs at once.
	 */
	void run(HttpServletRequest request, HttpServletResponse response) {
		request.removeAttribute(ATTRIBUTE);
		if (this.tasks.isEmpty()) {
			return;
		}
		if (!request.isAsyncStarted()) {
			try {
				response.flushBuffer();
			}
			catch (IOException ex) {
				logger.debug("Could not send the response ahead of the work deferred after it", ex);
			}
		}
		for (Runnable task : this.tasks) {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.debug("Work deferred after the response failed", ex);
			}
		}
		this.tasks.clear();
	}

	/**
	 * Wrap {@code task} so that it runs with the request attributes of the calling thread, made active again: the
	 * servlet that held them has marked them completed by the time the task runs.
	 */
	private static Runnable withRequestAttributes(Runnable task) {
		RequestAttributes captured = RequestContextHolder.getRequestAttributes();
		return () -> {
			RequestAttributes own = RequestContextHolder.getRequestAttributes();
			ServletRequestAttributes revived = (captured instanceof ServletRequestAttributes servlet)
					? new ServletRequestAttributes(servlet.getRequest(), servlet.getResponse()) : null;
			RequestContextHolder.setRequestAttributes((revived != null) ? revived : captured);
			try {
				task.run();
			}
			finally {
				if (revived != null) {
					revived.requestCompleted();
				}
				RequestContextHolder.setRequestAttributes(own);
			}
		};
	}

}
