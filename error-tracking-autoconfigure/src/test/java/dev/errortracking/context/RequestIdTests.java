package dev.errortracking.context;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTests {

	@Test
	void generatedIdsAreValidVersion4UuidsInTheirCanonicalForm() {
		for (int i = 0; i < 1_000; i++) {
			String id = RequestId.generate();
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.toString()).isEqualTo(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(RequestId.isValid(id)).isTrue();
		}
	}

	@Test
	void generatedIdsDoNotRepeatAcrossThreads() {
		Set<String> ids = ConcurrentHashMap.newKeySet();
		IntStream.range(0, 100_000).parallel().forEach((i) -> ids.add(RequestId.generate()));
		assertThat(ids).hasSize(100_000);
		Set<Character> firstCharacters = new HashSet<>();
		ids.stream().limit(1_000).forEach((id) -> firstCharacters.add(id.charAt(0)));
		assertThat(firstCharacters).hasSize(16);
	}

}
