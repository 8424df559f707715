package dev.errortracking.sample.post;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores posts.
 */
interface PostRepository extends JpaRepository<Post, Long> {

}
