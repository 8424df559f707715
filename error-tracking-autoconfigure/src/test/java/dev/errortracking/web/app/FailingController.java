package dev.errortracking.web.app;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.errortracking.exception.ConflictException;
import dev.errortracking.exception.ExternalServiceException;
import dev.errortracking.exception.ForbiddenException;
import dev.errortracking.exception.NotFoundException;
import dev.errortracking.exception.UnauthenticatedException;
import dev.errortracking.exception.ValidationFailedException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Endpoints that fail in every way the error table lists.
 */
@RestController
public class FailingController {

	private final ValidatedService service;

	FailingController(ValidatedService service) {
		this.service = service;
	}

	@GetMapping("/ok")
	Map<String, String> ok() {
		return Map.of("status", "ok");
	}

	@GetMapping("/domain/not-found/{id}")
	Object notFound(@PathVariable long id) {
		throw new NotFoundException("Post " + id + " not found", Map.of("post_id", id));
	}

	@GetMapping("/domain/validation")
	Object validation() {
		throw new ValidationFailedException("Title must be unique per author", Map.of("field", "title"));
	}

	@GetMapping("/domain/unauthenticated")
	Object unauthenticated() {
		throw new UnauthenticatedException("Token expired");
	}

	@GetMapping("/domain/forbidden")
	Object forbidden() {
		throw new ForbiddenException("Only owners may publish");
	}

	@GetMapping("/domain/conflict")
	Object conflict() {
		throw new ConflictException("Post is already published", Map.of("state", "published"));
	}

	@GetMapping("/domain/external")
	Object external() {
		throw new ExternalServiceException("payments", "payments answered 502 for account 4111",
				new IOException("upstream said no"));
	}

	@PostMapping(path = "/validate/body", consumes = MediaType.APPLICATION_JSON_VALUE)
	Object validateBody(@Valid @RequestBody PostForm form) {
		return form;
	}

	@PostMapping("/any-body")
	Object anyBody(@RequestBody Map<String, Object> body) {
		return body.keySet();
	}

	@GetMapping("/validate/param")
	Object validateParam(@RequestParam("size") @Min(1) int size) {
		return size;
	}

	@GetMapping("/validate/service")
	Object validateService(@RequestParam(name = "value", defaultValue = "") String value) {
		return this.service.echo(value);
	}

	@GetMapping("/bind")
	Object bind(@Valid @ModelAttribute Filter filter) {
		return filter;
	}

	@GetMapping("/typed/{id}")
	Object typed(@PathVariable long id) {
		return id;
	}

	@GetMapping("/required-param")
	Object requiredParam(@RequestParam("page") int page) {
		return page;
	}

	@GetMapping("/required-header")
	Object requiredHeader(@RequestHeader("X-Tenant") String tenant) {
		return tenant;
	}

	@GetMapping(path = "/json-only", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, String> jsonOnly() {
		return Map.of("a", "b");
	}

	@GetMapping("/data/integrity")
	Object integrity() {
		throw new DataIntegrityViolationException(
				"could not execute statement [ERROR: duplicate key value violates unique constraint \"uk_post_title\" "
						+ "Detail: Key (title)=(alice@example.com) already exists.] [insert into post (title) values (?)]");
	}

	@GetMapping("/data/optimistic")
	Object optimistic() {
		throw new ObjectOptimisticLockingFailureException("dev.example.Post", 42L);
	}

	@PostMapping("/upload")
	Object upload(@RequestPart("file") MultipartFile file) {
		return file.getSize();
	}

	@GetMapping("/status/rse")
	Object responseStatusException() {
		throw new ResponseStatusException(HttpStatus.GONE, "This post was retired");
	}

	@GetMapping("/status/rse-500")
	Object responseStatusException500() {
		throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, "pool exhausted at db-7.internal");
	}

	@GetMapping("/status/annotated")
	Object annotated() {
		throw new QuotaExceededException();
	}

	@GetMapping("/security/access-denied")
	Object accessDenied() {
		throw new AccessDeniedException("method security said no");
	}

	@GetMapping("/secure/hello")
	Map<String, String> secureHello() {
		return Map.of("hello", "user");
	}

	@GetMapping("/secure/admin/hello")
	Map<String, String> adminHello() {
		return Map.of("hello", "admin");
	}

	@GetMapping("/async/timeout")
	DeferredResult<String> asyncTimeout() {
		return new DeferredResult<>(100L);
	}

	@GetMapping("/boom")
	Object boom() {
		throw new IllegalStateException("Connection to 10.0.0.7 failed for user admin password=hunter2");
	}

	@GetMapping("/unsupported")
	Object unsupported() {
		throw new UnsupportedOperationException("not built yet");
	}

	@GetMapping("/send-error")
	void sendError(HttpServletResponse response) throws IOException {
		response.sendError(503, "maintenance window of db-7.internal");
	}

	@GetMapping("/committed")
	void committed(HttpServletResponse response) throws IOException {
		response.setContentType("text/plain");
		response.getWriter().write("partial");
		response.flushBuffer();
		throw new IllegalStateException("failed after the response was committed");
	}

	/** A JSON body with bean validation and a renamed property. */
	record PostForm(@NotBlank String title, @Size(max = 10) String content,
			@JsonProperty("author_email") @Email String authorEmail) {
	}

	/** Query parameters bound to an object. */
	static class Filter {

		private int count;

		public int getCount() {
			return this.count;
		}

		public void setCount(int count) {
			this.count = count;
		}

	}

	@ResponseStatus(code = HttpStatus.TOO_MANY_REQUESTS, reason = "Quota exceeded")
	static class QuotaExceededException extends RuntimeException {

	}

}
