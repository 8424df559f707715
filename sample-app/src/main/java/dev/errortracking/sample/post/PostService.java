package dev.errortracking.sample.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.errortracking.exception.ConflictException;
import dev.errortracking.exception.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The posts use cases. Missing posts and stale versions are domain exceptions; a repository error rolls the whole
 * transaction back and reaches the client as the library maps it (a duplicate title is a 409 integrity error).
 */
@Service
@Transactional(readOnly = true)
class PostService {

	private static final Logger logger = LoggerFactory.getLogger(PostService.class);

	private final PostRepository posts;

	PostService(PostRepository posts) {
		this.posts = posts;
	}

	Post get(long id) {
		return this.posts.findById(id)
			.orElseThrow(() -> new NotFoundException("Post " + id + " not found", Map.of("post_id", id)));
	}

	Page<Post> list(int page, int size) {
		return this.posts.findAll(PageRequest.of(page, size, Sort.by("id")));
	}

	@Transactional
	Post create(PostRequest request) {
		Post post = this.posts.saveAndFlush(newPost(request));
		logger.atInfo().addKeyValue("post_id", post.getId()).log("Post created");
		return post;
	}

	@Transactional
	List<Post> createAll(List<PostRequest> requests) {
		List<Post> created = requests.stream().map((request) -> this.posts.save(newPost(request))).toList();
		this.posts.flush();
		logger.atInfo().addKeyValue("post_count", created.size()).log("Posts created");
		return created;
	}

	@Transactional
	Post update(long id, PostUpdateRequest request) {
		Post post = get(id);
		if (!post.getVersion().equals(request.version())) {
			throw new ConflictException("Post " + id + " was changed by another request; reload it and retry",
					Map.of("post_id", id, "current_version", post.getVersion()));
		}
		post.edit(request.title(), request.content(), request.authorEmail());
		Post updated = this.posts.saveAndFlush(post);
		logger.atInfo().addKeyValue("post_id", id).addKeyValue("version", updated.getVersion()).log("Post updated");
		return updated;
	}

	@Transactional
	void delete(long id) {
		this.posts.delete(get(id));
		this.posts.flush();
		logger.atInfo().addKeyValue("post_id", id).log("Post deleted");
	}

	private Post newPost(PostRequest request) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		return new Post(request.title(), request.content(), request.authorEmail(), now);
	}

}
