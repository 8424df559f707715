package dev.errortracking.sample.post;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The new fields of a post and the version the client read.
 *
 * @param title the unique title
 * @param content the text
 * @param authorEmail the author's email address
 * @param version the version the client's change is based on
 */
record PostUpdateRequest(@NotBlank @Size(max = Post.TITLE_MAX_LENGTH) String title,
		@NotBlank @Size(max = Post.CONTENT_MAX_LENGTH) String content,
		@NotBlank @Email @Size(max = Post.EMAIL_MAX_LENGTH) String authorEmail,
		@NotNull @PositiveOrZero Long version) {

}
