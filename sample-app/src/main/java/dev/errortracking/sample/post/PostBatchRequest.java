package dev.errortracking.sample.post;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Posts to create together: all of them or none.
 *
 * @param posts the posts
 */
record PostBatchRequest(@NotEmpty @Size(max = PostBatchRequest.MAX_POSTS) List<@Valid @NotNull PostRequest> posts) {

	static final int MAX_POSTS = 100;

}
