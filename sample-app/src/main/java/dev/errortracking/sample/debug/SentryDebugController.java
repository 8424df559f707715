package dev.errortracking.sample.debug;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fails on purpose so that the reporting of unexpected errors can be tried out.
 */
@RestController
@RequestMapping("/sentry-debug")
class SentryDebugController {

	@GetMapping
	void fail() {
		throw new IllegalStateException("Deliberate failure to try out error reporting");
	}

	/**
	 * Fails with the posted object quoted in the exception message: the classic bug that puts personal data into
	 * an error report, kept here on purpose so that the privacy rules have something to remove.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	void failWithPayload(@RequestBody ObjectNode payload) {
		throw new IllegalStateException("Could not process payload " + payload);
	}

}
