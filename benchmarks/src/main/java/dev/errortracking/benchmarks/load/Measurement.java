package dev.errortracking.benchmarks.load;

/**
 * What one load run measured.
 *
 * @param requests the completed requests
 * @param matched the completed requests answered with the expected status
 * @param unexpected requests that got another status than expected or failed on the connection
 * @param seconds the duration of the run
 * @param sortedLatencies the latency of each completed request in nanoseconds, in ascending order
 */
record Measurement(int requests, long matched, long unexpected, double seconds, long[] sortedLatencies) {

	/** Completed requests per second. */
	double throughput() {
		return this.requests / this.seconds;
	}

	/** The latency at {@code percentile} (0 to 100) in milliseconds. */
	double latencyMillis(double percentile) {
		if (this.sortedLatencies.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percentile / 100 * this.sortedLatencies.length) - 1;
		return this.sortedLatencies[Math.max(0, Math.min(index, this.sortedLatencies.length - 1))] / 1e6;
	}

}
