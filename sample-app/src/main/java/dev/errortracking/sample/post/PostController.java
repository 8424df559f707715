package dev.errortracking.sample.post;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The posts API. It handles no error itself: every failure is turned into the error body by the library.
 */
@RestController
@RequestMapping("/api/v1/posts")
class PostController {

	static final int MAX_PAGE_SIZE = 100;

	private final PostService service;

	PostController(PostService service) {
		this.service = service;
	}

	@GetMapping("/{id}")
	PostResponse get(@PathVariable long id) {
		return PostResponse.of(this.service.get(id));
	}

	@GetMapping
	PagedModel<PostResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		return new PagedModel<>(this.service.list(page, size).map(PostResponse::of));
	}

	@PostMapping
	ResponseEntity<PostResponse> create(@Valid @RequestBody PostRequest request) {
		PostResponse created = PostResponse.of(this.service.create(request));
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(created.id())
			.toUri();
		return ResponseEntity.created(location).body(created);
	}

	@PostMapping("/batch")
	@ResponseStatus(HttpStatus.CREATED)
	List<PostResponse> createAll(@Valid @RequestBody PostBatchRequest request) {
		return this.service.createAll(request.posts()).stream().map(PostResponse::of).toList();
	}

	@PutMapping("/{id}")
	PostResponse update(@PathVariable long id, @Valid @RequestBody PostUpdateRequest request) {
		return PostResponse.of(this.service.update(id, request));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		this.service.delete(id);
	}

}
