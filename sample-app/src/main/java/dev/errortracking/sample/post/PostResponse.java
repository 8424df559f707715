package dev.errortracking.sample.post;

import java.time.Instant;

/**
 * A post as clients see it.
 *
 * @param id the id
 * @param title the unique title
 * @param content the text
 * @param authorEmail the author's email address
 * @param version the version to send back with an update
 * @param createdAt when the post was created
 */
record PostResponse(long id, String title, String content, String authorEmail, long version, Instant createdAt) {

	static PostResponse of(Post post) {
		return new PostResponse(post.getId(), post.getTitle(), post.getContent(), post.getAuthorEmail(),
				post.getVersion(), post.getCreatedAt());
	}

}
