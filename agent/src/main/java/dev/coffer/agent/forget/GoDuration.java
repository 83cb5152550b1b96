package dev.coffer.agent.forget;

/**
 * restic's calendar duration for {@code --keep-within*}: years, months, days and hours, written
 * like {@code 1y5m7d2h}. The parts are applied with Go's {@code AddDate} (see {@link GoTime}), so
 * a month is a calendar month, not 30 days.
 *
 * <p>Parsing follows restic: whitespace around the text is ignored, units may come in any order,
 * a repeated unit replaces the earlier value, a number may be negative, and {@code ""} is the zero
 * duration (which switches the rule off).
 */
public record GoDuration(int years, int months, int days, int hours) {

    public static final GoDuration ZERO = new GoDuration(0, 0, 0, 0);

    /**
     * Parses restic's form, e.g. {@code 1y5m7d2h}, {@code 30d}, {@code 12h}.
     *
     * @throws IllegalArgumentException with the offending text and an example if it is malformed
     */
    public static GoDuration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("duration is missing; expected e.g. 1y5m7d2h");
        }
        String s = text.strip();
        int y = 0;
        int mo = 0;
        int d = 0;
        int h = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            if (s.charAt(i) == '-') {
                i++;
            }
            int digits = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == digits) {
                throw error(text, "expected a number at position " + start);
            }
            int num;
            try {
                num = Integer.parseInt(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw error(text, "number " + s.substring(start, i) + " is too large");
            }
            if (i == s.length()) {
                throw error(text, "no unit found after number " + num);
            }
            char unit = s.charAt(i++);
            switch (unit) {
                case 'y' -> y = num;
                case 'm' -> mo = num;
                case 'd' -> d = num;
                case 'h' -> h = num;
                default -> throw error(text, "invalid unit '" + unit + "' found after number " + num);
            }
        }
        return new GoDuration(y, mo, d, h);
    }

    private static IllegalArgumentException error(String text, String why) {
        return new IllegalArgumentException("invalid duration '" + text + "': " + why
                + "; use numbers with the units y (years), m (months), d (days), h (hours), e.g. 1y5m7d2h");
    }

    /** True if every part is zero: the rule is off. */
    public boolean isZero() {
        return years == 0 && months == 0 && days == 0 && hours == 0;
    }

    /** restic's text form: non-zero parts only, e.g. {@code 1y2m3d}; {@code ""} for zero. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (years != 0) {
            b.append(years).append('y');
        }
        if (months != 0) {
            b.append(months).append('m');
        }
        if (days != 0) {
            b.append(days).append('d');
        }
        if (hours != 0) {
            b.append(hours).append('h');
        }
        return b.toString();
    }
}
