package dev.errortracking.autoconfigure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.errortracking.logging.LogScrubber;
import dev.errortracking.privacy.BuiltInRule;
import dev.errortracking.privacy.PrivacyRules;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the privacy rules applied to Sentry events, breadcrumbs, logs and error bodies.
 */
@ConfigurationProperties("error-tracking.privacy")
public class PrivacyProperties {

	/**
	 * Whether secrets and personal data are scrubbed from Sentry events, breadcrumbs, transactions, logs and error
	 * body details. When false, nothing is scrubbed.
	 */
	private boolean enabled = true;

	/**
	 * Text that replaces a removed value; the key of the value is kept.
	 */
	private String replacement = PrivacyRules.DEFAULT_REPLACEMENT;

	/**
	 * More sensitive keys, matched as substrings of a key, ignoring case, '-', '_', '.' and spaces.
	 */
	private List<String> extraKeys = new ArrayList<>();

	/**
	 * Whole key names that are never sensitive although they contain a sensitive key, such as 'author'. Value rules
	 * still apply to their values.
	 */
	private List<String> safeKeys = new ArrayList<>();

	/**
	 * More regular expressions whose matches are replaced wherever text appears; only the group named 'secret' is
	 * replaced when there is one.
	 */
	private List<String> extraPatterns = new ArrayList<>();

	/**
	 * Built-in value rules to switch off.
	 */
	private Set<BuiltInRule> disabledRules = EnumSet.noneOf(BuiltInRule.class);

	/**
	 * Secret that keys the hash (HMAC-SHA256) turning a username or email into the user id sent with Sentry
	 * events; set it, from a secret store, for ids that stay the same across restarts and instances. Unset, a
	 * random key is drawn once per process.
	 */
	private String userIdKey;

	/**
	 * Maximum depth of nested maps, lists and JSON that is scrubbed; deeper values are removed.
	 */
	private int maxDepth = PrivacyRules.DEFAULT_MAX_DEPTH;

	/**
	 * Maximum length of one text; longer texts are cut and their last partial word removed.
	 */
	private int maxStringLength = PrivacyRules.DEFAULT_MAX_STRING_LENGTH;

	/**
	 * Maximum length of one text in a log line; longer texts are cut and their last partial word removed. Log lines
	 * are written whole, so it is larger than 'max-string-length', which bounds what goes to Sentry.
	 */
	private int maxLogStringLength = LogScrubber.DEFAULT_MAX_STRING_LENGTH;

	/**
	 * Maximum number of values scrubbed in one structure; the rest are removed.
	 */
	private int maxItems = PrivacyRules.DEFAULT_MAX_ITEMS;

	/**
	 * Whether attachments that no rule can read (images, archives, other binary files) are sent with Sentry events
	 * and transactions as they are. When false, they are left out; text attachments are scrubbed either way.
	 */
	private boolean keepBinaryAttachments;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getReplacement() {
		return this.replacement;
	}

	public void setReplacement(String replacement) {
		this.replacement = replacement;
	}

	public List<String> getExtraKeys() {
		return this.extraKeys;
	}

	public void setExtraKeys(List<String> extraKeys) {
		this.extraKeys = extraKeys;
	}

	public List<String> getSafeKeys() {
		return this.safeKeys;
	}

	public void setSafeKeys(List<String> safeKeys) {
		this.safeKeys = safeKeys;
	}

	public List<String> getExtraPatterns() {
		return this.extraPatterns;
	}

	public void setExtraPatterns(List<String> extraPatterns) {
		this.extraPatterns = extraPatterns;
	}

	public Set<BuiltInRule> getDisabledRules() {
		return this.disabledRules;
	}

	public void setDisabledRules(Set<BuiltInRule> disabledRules) {
		this.disabledRules = disabledRules;
	}

	public String getUserIdKey() {
		return this.userIdKey;
	}

	public void setUserIdKey(String userIdKey) {
		this.userIdKey = userIdKey;
	}

	public int getMaxDepth() {
		return this.maxDepth;
	}

	public void setMaxDepth(int maxDepth) {
		this.maxDepth = maxDepth;
	}

	public int getMaxStringLength() {
		return this.maxStringLength;
	}

	public void setMaxStringLength(int maxStringLength) {
		this.maxStringLength = maxStringLength;
	}

	public int getMaxLogStringLength() {
		return this.maxLogStringLength;
	}

	public void setMaxLogStringLength(int maxLogStringLength) {
		this.maxLogStringLength = maxLogStringLength;
	}

	public int getMaxItems() {
		return this.maxItems;
	}

	public void setMaxItems(int maxItems) {
		this.maxItems = maxItems;
	}

	public boolean isKeepBinaryAttachments() {
		return this.keepBinaryAttachments;
	}

	public void setKeepBinaryAttachments(boolean keepBinaryAttachments) {
		this.keepBinaryAttachments = keepBinaryAttachments;
	}

}
