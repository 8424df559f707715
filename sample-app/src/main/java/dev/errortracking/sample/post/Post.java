package dev.errortracking.sample.post;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A post; its title is unique (a database constraint) and its version guards concurrent updates.
 */
@Entity
@Table(name = "posts")
public class Post {

	static final int TITLE_MAX_LENGTH = 200;

	static final int CONTENT_MAX_LENGTH = 5000;

	static final int EMAIL_MAX_LENGTH = 320;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = TITLE_MAX_LENGTH)
	private String title;

	@Column(nullable = false, length = CONTENT_MAX_LENGTH)
	private String content;

	@Column(name = "author_email", nullable = false, length = EMAIL_MAX_LENGTH)
	private String authorEmail;

	@Version
	@Column(nullable = false)
	private Long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected Post() {
	}

	Post(String title, String content, String authorEmail, Instant createdAt) {
		this.title = title;
		this.content = content;
		this.authorEmail = authorEmail;
		this.createdAt = createdAt;
	}

	void edit(String title, String content, String authorEmail) {
		this.title = title;
		this.content = content;
		this.authorEmail = authorEmail;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public String getContent() {
		return this.content;
	}

	public String getAuthorEmail() {
		return this.authorEmail;
	}

	public Long getVersion() {
		return this.version;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
