package dev.errortracking.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A private schema in the PostgreSQL database of the {@code postgres} profile, created before the test class and
 * dropped after it. The class is skipped when PostgreSQL cannot be reached, and fails instead when the system
 * property or environment variable {@value #REQUIRED} is {@code true}.
 */
public final class PostgresDatabase implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

	/** The switch that turns an unreachable database from a skip into a failure. */
	public static final String REQUIRED = "ERROR_TRACKING_REQUIRE_POSTGRES";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(PostgresDatabase.class);

	private static final String SCHEMA = "sample_test_" + UUID.randomUUID().toString().replace("-", "");

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String unreachable = context.getRoot()
			.getStore(NAMESPACE)
			.getOrComputeIfAbsent("unreachable", (key) -> probe(), String.class);
		if (unreachable.isEmpty()) {
			return ConditionEvaluationResult.enabled("PostgreSQL is reachable at " + url());
		}
		if (isRequired()) {
			throw new AssertionError(unreachable + " (" + REQUIRED + " is true)");
		}
		return ConditionEvaluationResult.disabled(unreachable + " (set " + REQUIRED + "=true to fail instead)");
	}

	@Override
	public void beforeAll(ExtensionContext context) throws SQLException {
		execute("CREATE SCHEMA " + SCHEMA);
		context.getStore(NAMESPACE).put(SCHEMA, true);
	}

	@Override
	public void afterAll(ExtensionContext context) throws SQLException {
		if (context.getStore(NAMESPACE).remove(SCHEMA) != null) {
			execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

	/** Point the data source at the private schema. */
	public static void registerDataSource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", PostgresDatabase::username);
		registry.add("spring.datasource.password", PostgresDatabase::password);
	}

	static boolean isRequired() {
		String value = System.getProperty(REQUIRED, System.getenv(REQUIRED));
		return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
	}

	private static String probe() {
		try (Connection connection = connect()) {
			return "";
		}
		catch (SQLException ex) {
			return "PostgreSQL is not reachable at " + url() + " as '" + username() + "': " + ex.getMessage();
		}
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", username());
		properties.setProperty("password", password());
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("loginTimeout", "5");
		return DriverManager.getConnection(url(), properties);
	}

	private static String url() {
		return environment("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
	}

	private static String username() {
		return environment("DATABASE_USERNAME", "postgres");
	}

	private static String password() {
		return environment("DATABASE_PASSWORD", "");
	}

	private static String environment(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

}
