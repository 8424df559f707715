package dev.errortracking.sample.post;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The fields of a new post.
 *
 * @param title the unique title
 * @param content the text
 * @param authorEmail the author's email address
 */
record PostRequest(@NotBlank @Size(max = Post.TITLE_MAX_LENGTH) String title,
		@NotBlank @Size(max = Post.CONTENT_MAX_LENGTH) String content,
		@NotBlank @Email @Size(max = Post.EMAIL_MAX_LENGTH) String authorEmail) {

}
