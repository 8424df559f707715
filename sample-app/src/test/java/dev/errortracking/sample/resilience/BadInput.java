package dev.errortracking.sample.resilience;

import java.util.List;

/**
 * One malformed or hostile request of the corpus, exactly as it is written to the socket.
 *
 * @param category the kind of bad input, such as {@code json} or {@code path}
 * @param endpoint the endpoint it targets, such as {@code POST /api/v1/posts}
 * @param name what is wrong with it
 * @param raw the request bytes
 * @param mustBeRejected whether the only acceptable answer is a 4xx; otherwise any non-5xx answer is acceptable
 * @param markers strings planted in the request that must never come back
 * @param answer the form the answer takes
 */
record BadInput(String category, String endpoint, String name, byte[] raw, boolean mustBeRejected,
		List<String> markers, Answer answer) {

	@Override
	public String toString() {
		return this.category + " " + this.endpoint + " [" + this.name + "]";
	}

	/** The form of an answer. */
	enum Answer {

		/** A status line, headers and a body. */
		FULL,

		/** A status line and headers only, as for {@code HEAD}. */
		NO_BODY,

		/** A body only, as HTTP/0.9 has it. */
		BODY_ONLY,

		/** None: the server closes the connection, as for an HTTP/2 preface on an HTTP/1.1 port. */
		NONE

	}

}
