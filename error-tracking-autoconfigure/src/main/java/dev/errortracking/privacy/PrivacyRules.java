package dev.errortracking.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one rule set applied to events, breadcrumbs, logs and error bodies: sensitive keys, value rules, what is kept of
 * the user, the replacement text and the limits that bound the work. Immutable; build with {@link #builder()}.
 */
public final class PrivacyRules {

	/** The default replacement of a removed value. */
	public static final String DEFAULT_REPLACEMENT = "[Filtered]";

	/**
	 * The default sensitive keys, matched as substrings of a key, ignoring case, {@code -}, {@code _}, {@code .} and
	 * spaces: Sentry Relay's default set plus session, CSRF and client-address keys.
	 */
	public static final List<String> DEFAULT_SENSITIVE_KEYS = List.of("password", "passwd", "pwd", "passphrase",
			"secret", "api_key", "apikey", "auth", "credential", "mysql_pwd", "private_key", "privatekey", "access_key",
			"token", "otp", "two_factor", "jwt", "bearer", "session", "sessid", "csrf", "xsrf", "remember-me",
			"card_number", "cardnumber", "cvv", "cvc", "forwarded-for", "real-ip", "client-ip", "connecting-ip");

	/** Keys that are sensitive only as a whole name, since they are too short or common to match inside others. */
	public static final List<String> DEFAULT_SENSITIVE_NAMES = List.of("forwarded", "sid", "connect.sid");

	/** The default maximum depth of nested maps, lists and JSON; deeper values are removed. */
	public static final int DEFAULT_MAX_DEPTH = 32;

	/** The default maximum length of one text; longer texts are cut and their last partial word removed. */
	public static final int DEFAULT_MAX_STRING_LENGTH = 65_536;

	/** The default maximum number of values visited in one structure; the rest are removed. */
	public static final int DEFAULT_MAX_ITEMS = 10_000;

	private static final PrivacyRules DEFAULTS = builder().build();

	private static final PrivacyRules NONE = new Builder().noDefaults().build();

	private final String replacement;

	private final Set<String> sensitiveKeys;

	private final Set<String> sensitiveNames;

	private final Set<String> safeKeys;

	private final Set<BuiltInRule> builtInRules;

	private final List<ValueRule> extraRules;

	private final boolean sendUserEmail;

	private final boolean sendUsername;

	private final boolean sendUserIpAddress;

	private final byte[] userIdKey;

	private final int maxDepth;

	private final int maxStringLength;

	private final int maxItems;

	private PrivacyRules(Builder builder) {
		this.replacement = builder.replacement;
		this.sensitiveKeys = Set.copyOf(builder.sensitiveKeys);
		this.sensitiveNames = Set.copyOf(builder.sensitiveNames);
		this.safeKeys = Set.copyOf(builder.safeKeys);
		this.builtInRules = Set.copyOf(builder.builtInRules);
		this.extraRules = List.copyOf(builder.extraRules);
		this.sendUserEmail = builder.sendUserEmail;
		this.sendUsername = builder.sendUsername;
		this.sendUserIpAddress = builder.sendUserIpAddress;
		this.userIdKey = builder.userIdKey;
		this.maxDepth = builder.maxDepth;
		this.maxStringLength = builder.maxStringLength;
		this.maxItems = builder.maxItems;
	}

	/** The built-in rules with their default settings. */
	public static PrivacyRules defaults() {
		return DEFAULTS;
	}

	/** Rules that remove nothing and keep the whole user. */
	public static PrivacyRules none() {
		return NONE;
	}

	/** A builder starting from the defaults. */
	public static Builder builder() {
		return new Builder();
	}

	/** The text that replaces a removed value. */
	public String replacement() {
		return this.replacement;
	}

	/** Substrings that make a key sensitive. */
	public Set<String> sensitiveKeys() {
		return this.sensitiveKeys;
	}

	/** Whole key names that are sensitive. */
	public Set<String> sensitiveNames() {
		return this.sensitiveNames;
	}

	/** Whole key names that are never sensitive, whatever they contain; value rules still apply to their values. */
	public Set<String> safeKeys() {
		return this.safeKeys;
	}

	/** The built-in value rules that are on. */
	public Set<BuiltInRule> builtInRules() {
		return this.builtInRules;
	}

	/** Value rules added to the built-in ones. */
	public List<ValueRule> extraRules() {
		return this.extraRules;
	}

	/** Whether the user's email address may be sent to the error tracker. */
	public boolean sendUserEmail() {
		return this.sendUserEmail;
	}

	/** Whether the user's name may be sent to the error tracker. */
	public boolean sendUsername() {
		return this.sendUsername;
	}

	/** Whether the user's IP address may be sent to the error tracker. */
	public boolean sendUserIpAddress() {
		return this.sendUserIpAddress;
	}

	/** The key of the pseudonymous user ids, or {@code null} for the key drawn for this process. */
	byte[] userIdKey() {
		return this.userIdKey;
	}

	/** Maximum depth of nested values. */
	public int maxDepth() {
		return this.maxDepth;
	}

	/** Maximum length of one text. */
	public int maxStringLength() {
		return this.maxStringLength;
	}

	/** Maximum number of values visited in one structure. */
	public int maxItems() {
		return this.maxItems;
	}

	/** A builder starting from these rules. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/** Builds {@link PrivacyRules}. */
	public static final class Builder {

		private String replacement = DEFAULT_REPLACEMENT;

		private final Set<String> sensitiveKeys = new LinkedHashSet<>(DEFAULT_SENSITIVE_KEYS);

		private final Set<String> sensitiveNames = new LinkedHashSet<>(DEFAULT_SENSITIVE_NAMES);

		private final Set<String> safeKeys = new LinkedHashSet<>();

		private final Set<BuiltInRule> builtInRules = EnumSet.allOf(BuiltInRule.class);

		private final List<ValueRule> extraRules = new ArrayList<>();

		private boolean sendUserEmail;

		private boolean sendUsername;

		private boolean sendUserIpAddress;

		private byte[] userIdKey;

		private int maxDepth = DEFAULT_MAX_DEPTH;

		private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;

		private int maxItems = DEFAULT_MAX_ITEMS;

		private Builder() {
		}

		private Builder(PrivacyRules rules) {
			this.replacement = rules.replacement;
			this.sensitiveKeys.clear();
			this.sensitiveKeys.addAll(rules.sensitiveKeys);
			this.sensitiveNames.clear();
			this.sensitiveNames.addAll(rules.sensitiveNames);
			this.safeKeys.addAll(rules.safeKeys);
			this.builtInRules.clear();
			this.builtInRules.addAll(rules.builtInRules);
			this.extraRules.addAll(rules.extraRules);
			this.sendUserEmail = rules.sendUserEmail;
			this.sendUsername = rules.sendUsername;
			this.sendUserIpAddress = rules.sendUserIpAddress;
			this.userIdKey = rules.userIdKey;
			this.maxDepth = rules.maxDepth;
			this.maxStringLength = rules.maxStringLength;
			this.maxItems = rules.maxItems;
		}

		private Builder noDefaults() {
			this.sensitiveKeys.clear();
			this.sensitiveNames.clear();
			this.builtInRules.clear();
			this.sendUserEmail = true;
			this.sendUsername = true;
			this.sendUserIpAddress = true;
			this.maxDepth = Integer.MAX_VALUE;
			this.maxStringLength = Integer.MAX_VALUE;
			this.maxItems = Integer.MAX_VALUE;
			return this;
		}

		/** The text that replaces a removed value. */
		public Builder replacement(String replacement) {
			this.replacement = Objects.requireNonNull(replacement, "replacement");
			return this;
		}

		/** Add substrings that make a key sensitive. */
		public Builder sensitiveKeys(Collection<String> keys) {
			this.sensitiveKeys.addAll(keys);
			return this;
		}

		/** Add whole key names that are sensitive. */
		public Builder sensitiveNames(Collection<String> names) {
			this.sensitiveNames.addAll(names);
			return this;
		}

		/** Add whole key names that are never sensitive. */
		public Builder safeKeys(Collection<String> keys) {
			this.safeKeys.addAll(keys);
			return this;
		}

		/** Switch built-in value rules off. */
		public Builder disable(Collection<BuiltInRule> rules) {
			this.builtInRules.removeAll(rules);
			return this;
		}

		/** Add a value rule. */
		public Builder rule(ValueRule rule) {
			this.extraRules.add(Objects.requireNonNull(rule, "rule"));
			return this;
		}

		/** Whether the user's email address may be sent. */
		public Builder sendUserEmail(boolean send) {
			this.sendUserEmail = send;
			return this;
		}

		/** Whether the user's name may be sent. */
		public Builder sendUsername(boolean send) {
			this.sendUsername = send;
			return this;
		}

		/** Whether the user's IP address may be sent. */
		public Builder sendUserIpAddress(boolean send) {
			this.sendUserIpAddress = send;
			return this;
		}

		/**
		 * The secret that keys the pseudonymous user ids, so that a user has the same id in every process and after
		 * every restart; {@code null} or blank for a key drawn at random once per process.
		 */
		public Builder userIdKey(String key) {
			this.userIdKey = (key == null || key.isBlank()) ? null : key.getBytes(StandardCharsets.UTF_8);
			return this;
		}

		/** Maximum depth of nested values, at least 1. */
		public Builder maxDepth(int maxDepth) {
			this.maxDepth = atLeast(1, maxDepth, "maxDepth");
			return this;
		}

		/** Maximum length of one text, at least 64. */
		public Builder maxStringLength(int maxStringLength) {
			this.maxStringLength = atLeast(64, maxStringLength, "maxStringLength");
			return this;
		}

		/** Maximum number of values visited in one structure, at least 1. */
		public Builder maxItems(int maxItems) {
			this.maxItems = atLeast(1, maxItems, "maxItems");
			return this;
		}

		public PrivacyRules build() {
			return new PrivacyRules(this);
		}

		private static int atLeast(int minimum, int value, String name) {
			if (value < minimum) {
				throw new IllegalArgumentException(name + " must be at least " + minimum);
			}
			return value;
		}

	}

}
