package dev.errortracking.privacy;

/**
 * A text that counts every character a regular expression reads and stops it when the budget is spent, so that no
 * pattern can backtrack for long.
 */
final class StepBudget {

	static final Exceeded EXCEEDED = new Exceeded();

	private StepBudget() {
	}

	static Counted count(String text, long steps) {
		return new Counted(text, steps);
	}

	/** The text being matched and the steps left. */
	static final class Counted implements CharSequence {

		private final String text;

		private long remaining;

		private Counted(String text, long remaining) {
			this.text = text;
			this.remaining = remaining;
		}

		/** The same budget over another text. */
		Counted with(String other) {
			return (other == this.text) ? this : new Counted(other, this.remaining);
		}

		@Override
		public char charAt(int index) {
			if (--this.remaining < 0) {
				throw EXCEEDED;
			}
			return this.text.charAt(index);
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return this.text.subSequence(start, end);
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

	/** Thrown when a text needed more steps than its budget. */
	static final class Exceeded extends RuntimeException {

		private Exceeded() {
			super("Step budget exceeded", null, false, false);
		}

	}

}
