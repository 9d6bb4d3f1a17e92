package dev.orderflow.bench.report;

import java.util.Locale;

/** How figures are written: about three significant digits, thousands grouped, never scientific notation. */
public final class Format {

    private Format() {
    }

    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 0.01 || magnitude == 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** A count: every digit, thousands grouped. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static double ratio(double value, double baseline) {
        if (Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0) {
            return Double.NaN;
        }
        return value / baseline;
    }

    /** A ratio as "0.12×" (or "n/a"). */
    public static String ratioText(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "n/a" : number(ratio) + "×";
    }

    public static String withUnit(double value, String unit) {
        String number = number(value);
        return unit == null || unit.isEmpty() || number.equals("n/a") ? number : number + " " + unit;
    }
}
