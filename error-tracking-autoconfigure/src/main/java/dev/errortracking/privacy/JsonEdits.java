package dev.errortracking.privacy;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Replacements in a JSON text, found while a parser reads it; every part that is not replaced is kept as it was, so
 * that a document with nothing to scrub costs one parse and no copy.
 */
final class JsonEdits {

	private final String json;

	private int[] ranges = new int[8];

	private String[] texts = new String[4];

	private int count;

	JsonEdits(String json) {
		this.json = json;
	}

	/** Replace the string, key or value, whose token starts at {@code start} with {@code text} as a JSON string. */
	void replaceString(int start, String text) {
		add(start, endOfString(start), quote(text));
	}

	/** Replace the value the parser is on, with its children, by {@code text} as a JSON string. */
	void replaceValue(JsonParser parser, String text) throws IOException {
		int start = start(parser);
		JsonToken token = parser.currentToken();
		int end;
		if (token.isStructStart()) {
			parser.skipChildren();
			end = start(parser) + 1;
		}
		else if (token == JsonToken.VALUE_STRING) {
			end = endOfString(start);
		}
		else {
			end = start + parser.getText().length();
		}
		add(start, end, quote(text));
	}

	/** Where the token the parser is on starts in the text. */
	static int start(JsonParser parser) {
		return (int) parser.currentTokenLocation().getCharOffset();
	}

	/** The text with every replacement made; the same instance when there was none. */
	String apply() {
		if (this.count == 0) {
			return this.json;
		}
		StringBuilder result = new StringBuilder(this.json.length() + 16 * this.count);
		int copied = 0;
		for (int i = 0; i < this.count; i++) {
			result.append(this.json, copied, this.ranges[2 * i]).append(this.texts[i]);
			copied = this.ranges[2 * i + 1];
		}
		return result.append(this.json, copied, this.json.length()).toString();
	}

	private int endOfString(int start) {
		if (this.json.charAt(start) != '"') {
			throw new IllegalStateException("No string at " + start);
		}
		int i = start + 1;
		while (true) {
			char c = this.json.charAt(i);
			if (c == '"') {
				return i + 1;
			}
			i += (c == '\\') ? 2 : 1;
		}
	}

	private void add(int start, int end, String text) {
		int previousEnd = (this.count > 0) ? this.ranges[2 * this.count - 1] : 0;
		if (start < previousEnd || end <= start || end > this.json.length()) {
			throw new IllegalStateException("Replacement out of order at " + start);
		}
		if (this.count == this.texts.length) {
			this.texts = Arrays.copyOf(this.texts, this.count * 2);
			this.ranges = Arrays.copyOf(this.ranges, this.count * 4);
		}
		this.ranges[2 * this.count] = start;
		this.ranges[2 * this.count + 1] = end;
		this.texts[this.count++] = text;
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		JsonStringEncoder.getInstance().quoteAsString(text, quoted);
		return quoted.append('"').toString();
	}

}
