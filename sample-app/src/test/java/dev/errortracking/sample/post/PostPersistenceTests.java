package dev.errortracking.sample.post;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.errortracking.sample.SampleHttpClient;
import dev.errortracking.sample.SampleHttpClient.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.errortracking.sample.ErrorBodyAssertions.assertErrorBody;
import static dev.errortracking.sample.post.PostFixtures.POSTS;
import static dev.errortracking.sample.post.PostFixtures.create;
import static dev.errortracking.sample.post.PostFixtures.newPost;
import static dev.errortracking.sample.post.PostFixtures.uniqueTitle;
import static dev.errortracking.sample.post.PostFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What the database guarantees, over real HTTP: the unique title (also under concurrent creates), optimistic
 * locking and the rollback of a failed transaction. Subclasses run it on each supported database.
 */
abstract class PostPersistenceTests {

	private static final int CONCURRENT_ROUNDS = 5;

	private static final Duration LOCK_WAIT_LIMIT = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	private SampleHttpClient http;

	@BeforeEach
	void setUp() {
		this.http = new SampleHttpClient(this.port);
	}

	@Test
	void aDuplicateTitleIsAnIntegrityConflictThatRevealsNothingOfTheDatabase() {
		String title = uniqueTitle("Duplicate");
		create(this.http, title);

		Response response = this.http.post(POSTS, newPost(title));

		JsonNode body = assertErrorBody(response, 409, "INTEGRITY_ERROR", title);
		assertThat(body.get("message").asText()).isEqualTo("Database constraint violation");
		assertThat(body.get("details")).isEmpty();
		assertThat(countPostsTitled(title)).isEqualTo(1);
	}

	@Test
	void twoConcurrentCreatesWithOneTitleEndInOneCreatedAndOneConflict() {
		for (int round = 0; round < CONCURRENT_ROUNDS; round++) {
			String title = uniqueTitle("Concurrent");
			CompletableFuture<Response> first = this.http
				.sendAsync(SampleHttpClient.json(this.http.request(POSTS), "POST", newPost(title)));
			CompletableFuture<Response> second = this.http
				.sendAsync(SampleHttpClient.json(this.http.request(POSTS), "POST", newPost(title)));
			List<Response> responses = List.of(first.join(), second.join());

			assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
			Response conflict = responses.stream().filter((response) -> response.status() == 409).findFirst().get();
			assertErrorBody(conflict, 409, "INTEGRITY_ERROR", title);
			assertThat(countPostsTitled(title)).isEqualTo(1);
		}
	}

	@Test
	void anUpdateBasedOnAStaleVersionIsAConflict() {
		JsonNode created = create(this.http, uniqueTitle("Stale"));
		String path = POSTS + "/" + created.get("id").asLong();
		String title = created.get("title").asText();
		assertThat(this.http.put(path, update(title, "First change", 0)).status()).isEqualTo(200);

		Response response = this.http.put(path, update(title, "Second change on the old version", 0));

		JsonNode body = assertErrorBody(response, 409, "CONFLICT_ERROR", "Second change");
		assertThat(body.get("details").get("post_id").asLong()).isEqualTo(created.get("id").asLong());
		assertThat(body.get("details").get("current_version").asLong()).isEqualTo(1);
		JsonNode stored = this.http.get(path).json();
		assertThat(stored.get("content").asText()).isEqualTo("First change");
		assertThat(stored.get("version").asLong()).isEqualTo(1);
	}

	@Test
	void aChangeCommittedWhileAnUpdateIsInFlightIsCaughtByTheVersionColumn() throws Exception {
		JsonNode created = create(this.http, uniqueTitle("In flight"));
		long id = created.get("id").asLong();
		String path = POSTS + "/" + id;
		CompletableFuture<Response> update;
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement change = other
				.prepareStatement("UPDATE posts SET content = ?, version = version + 1 WHERE id = ?")) {
				change.setString(1, "Changed by another writer");
				change.setLong(2, id);
				assertThat(change.executeUpdate()).isEqualTo(1);
			}
			update = this.http.sendAsync(SampleHttpClient.json(this.http.request(path), "PUT",
					update(created.get("title").asText(), "Change based on version 0", 0)));
			awaitBlockedBy(other, update);
			other.commit();
		}

		JsonNode body = assertErrorBody(update.join(), 409, "CONFLICT_ERROR", "Change based on");
		assertThat(body.get("details")).as("no details: the version check of the service passed").isEmpty();
		JsonNode stored = this.http.get(path).json();
		assertThat(stored.get("content").asText()).isEqualTo("Changed by another writer");
		assertThat(stored.get("version").asLong()).isEqualTo(1);
	}

	@Test
	void aBatchWithADuplicateTitleRollsBackEveryPostOfTheBatch() {
		String existing = uniqueTitle("Existing");
		create(this.http, existing);
		String fresh = uniqueTitle("Fresh");
		String alsoFresh = uniqueTitle("Also fresh");

		Response response = this.http.post(POSTS + "/batch",
				Map.of("posts", List.of(newPost(fresh), newPost(alsoFresh), newPost(existing))));

		assertErrorBody(response, 409, "INTEGRITY_ERROR", existing, fresh);
		assertThat(countPostsTitled(fresh)).isZero();
		assertThat(countPostsTitled(alsoFresh)).isZero();
		assertThat(countPostsTitled(existing)).isEqualTo(1);
		assertThat(this.http.post(POSTS, newPost(fresh)).status()).as("the database still serves").isEqualTo(201);
	}

	@Test
	void anUpdateToATakenTitleRollsBackAndLeavesThePostUnchanged() {
		String taken = uniqueTitle("Taken");
		create(this.http, taken);
		JsonNode created = create(this.http, uniqueTitle("Renamed"));
		String path = POSTS + "/" + created.get("id").asLong();

		Response response = this.http.put(path, update(taken, "Changed content", 0));

		assertErrorBody(response, 409, "INTEGRITY_ERROR", taken);
		assertThat(this.http.get(path).json()).isEqualTo(created);
		assertThat(this.http.put(path, update(created.get("title").asText(), "Changed content", 0)).status())
			.as("the unchanged version 0 is still the current one")
			.isEqualTo(200);
	}

	private int countPostsTitled(String title) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM posts WHERE title = ?", Integer.class, title);
		return (count != null) ? count : 0;
	}

	/**
	 * Wait until another session waits for a lock that {@code holder} holds, so that the in-flight update has read
	 * the old version and is blocked on the row.
	 */
	private static void awaitBlockedBy(Connection holder, CompletableFuture<Response> update) throws SQLException {
		String sql = blockedSessionsQuery(holder);
		Instant deadline = Instant.now().plus(LOCK_WAIT_LIMIT);
		while (Instant.now().isBefore(deadline)) {
			if (update.isDone()) {
				fail("The update finished without waiting for the row lock: " + update.join());
			}
			try (PreparedStatement statement = holder.prepareStatement(sql);
					ResultSet result = statement.executeQuery()) {
				if (result.next() && result.getInt(1) > 0) {
					return;
				}
			}
			Thread.onSpinWait();
		}
		fail("The update never waited for the row lock");
	}

	private static String blockedSessionsQuery(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		if (product.equals("PostgreSQL")) {
			return "SELECT COUNT(*) FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))";
		}
		if (product.equals("H2")) {
			return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = SESSION_ID()";
		}
		throw new IllegalStateException("No lock wait query for " + product);
	}

}
