package dev.errortracking.sentry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.errortracking.exception.ConflictException;
import dev.errortracking.exception.ExternalServiceException;
import dev.errortracking.web.ResolvedError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReportingRule}.
 */
class ReportingRuleTests {

	private final ReportingRule defaults = new ReportingRule(500, 599, List.of(), List.of());

	@Test
	void reportsServerErrorsOnly() {
		assertThat(this.defaults.shouldReport(ResolvedError.ofStatus(500, new IllegalStateException()))).isTrue();
		assertThat(this.defaults.shouldReport(ResolvedError.ofStatus(503, null))).isTrue();
		assertThat(this.defaults.shouldReport(ResolvedError.ofStatus(599, null))).isTrue();
		assertThat(this.defaults.shouldReport(ResolvedError.ofStatus(499, null))).isFalse();
		assertThat(this.defaults.shouldReport(ResolvedError.ofStatus(409, new ConflictException("taken")))).isFalse();
		assertThat(this.defaults.shouldReport(ResolvedError.ofStatus(404, null))).isFalse();
	}

	@Test
	void reportsTheConfiguredStatusRange() {
		ReportingRule rule = new ReportingRule(429, 502, List.of(), List.of());
		assertThat(rule.shouldReport(ResolvedError.ofStatus(429, null))).isTrue();
		assertThat(rule.shouldReport(ResolvedError.ofStatus(503, null))).isFalse();
	}

	@Test
	void neverReportAppliesToSubclasses() {
		ReportingRule rule = new ReportingRule(500, 599, List.of(),
				List.of("dev.errortracking.exception.ApplicationException"));
		assertThat(rule.shouldReport(ResolvedError.ofStatus(503, new ExternalServiceException("mail", "down"))))
			.isFalse();
		assertThat(rule.shouldReport(ResolvedError.ofStatus(500, new IllegalStateException()))).isTrue();
	}

	@Test
	void alwaysReportAppliesToSubclassesWhateverTheStatus() {
		ReportingRule rule = new ReportingRule(500, 599, List.of("java.lang.RuntimeException"), List.of());
		assertThat(rule.shouldReport(ResolvedError.ofStatus(409, new ConflictException("taken")))).isTrue();
		assertThat(rule.shouldReport(ResolvedError.ofStatus(400, null))).isFalse();
	}

	@Test
	void theNearerListedSupertypeDecides() {
		ReportingRule rule = new ReportingRule(500, 599, List.of("java.lang.RuntimeException"),
				List.of("dev.errortracking.exception.ApplicationException"));
		assertThat(rule.shouldReport(ResolvedError.ofStatus(409, new ConflictException("taken")))).isFalse();
		assertThat(rule.shouldReport(ResolvedError.ofStatus(400, new IllegalArgumentException()))).isTrue();
		ReportingRule reversed = new ReportingRule(500, 599, List.of("dev.errortracking.exception.ConflictException"),
				List.of("java.lang.RuntimeException"));
		assertThat(reversed.shouldReport(ResolvedError.ofStatus(409, new ConflictException("taken")))).isTrue();
		assertThat(reversed.shouldReport(ResolvedError.ofStatus(500, new IllegalStateException()))).isFalse();
	}

	@Test
	void neverReportWinsATie() {
		ReportingRule rule = new ReportingRule(500, 599, List.of("java.lang.IllegalStateException"),
				List.of("java.lang.IllegalStateException"));
		assertThat(rule.shouldReport(ResolvedError.ofStatus(500, new IllegalStateException()))).isFalse();
	}

	@Test
	void matchesInterfacesToo() {
		ReportingRule rule = new ReportingRule(500, 599, List.of(), List.of("java.io.Serializable"));
		assertThat(rule.shouldReport(ResolvedError.ofStatus(500, new UncheckedIOException(new IOException()))))
			.isFalse();
	}

	@Test
	void looksAtTheExceptionNotItsCause() {
		ReportingRule rule = new ReportingRule(500, 599, List.of(), List.of("java.net.SocketTimeoutException"));
		assertThat(rule.shouldReport(
				ResolvedError.ofStatus(503, new ExternalServiceException("mail", "down", new SocketTimeoutException()))))
			.isTrue();
	}

}
