package dev.errortracking.context;

import java.util.Map;

import org.slf4j.MDC;

import org.springframework.core.task.TaskDecorator;

/**
 * Runs a task with the MDC of the thread that submitted it, and gives the worker thread its own MDC back
 * afterwards.
 */
public class MdcTaskDecorator implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable task) {
		Map<String, String> submitted = MDC.getCopyOfContextMap();
		return () -> {
			Map<String, String> own = MDC.getCopyOfContextMap();
			set(submitted);
			try {
				task.run();
			}
			finally {
				set(own);
			}
		};
	}

	private static void set(Map<String, String> context) {
		if (context == null || context.isEmpty()) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(context);
		}
	}

}
