package dev.errortracking.sample.post;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.errortracking.sample.PostgresDatabase;
import dev.errortracking.sample.SampleAppTest;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The persistence guarantees on a real PostgreSQL with the {@code postgres} profile, in a schema of its own.
 */
@ExtendWith(PostgresDatabase.class)
@SampleAppTest
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresPostPersistenceTests extends PostPersistenceTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.registerDataSource(registry);
	}

}
