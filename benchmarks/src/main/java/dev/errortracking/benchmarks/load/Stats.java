package dev.errortracking.benchmarks.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians and spreads of repeated figures. */
public final class Stats {

	private Stats() {
	}

	static double median(List<Double> values) {
		return median(values.stream().mapToDouble(Double::doubleValue).toArray());
	}

	/** The median of {@code values}, which are left as they are; not a number when there are none. */
	public static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** The median followed by the lowest and highest value, such as {@code 1.02 (0.97–1.05)}. */
	static String medianAndRange(List<Double> values, String format) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (sorted.length == 0) {
			return "-";
		}
		return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(values), sorted[0],
				sorted[sorted.length - 1]);
	}

	static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	static double[] sorted(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		return sorted;
	}

}
