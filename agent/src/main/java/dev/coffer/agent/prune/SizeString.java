package dev.coffer.agent.prune;

/** restic's size arguments: a whole number with an optional suffix b, k, m, g or t (powers of 1024). */
final class SizeString {
    private SizeString() {
    }

    /**
     * Parses {@code 500}, {@code 10k}, {@code 2G}, {@code 1t}.
     *
     * @throws IllegalArgumentException with the text and an example if it is malformed
     */
    static long parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("expected a size, got an empty string; use e.g. 500M");
        }
        long unit = switch (Character.toLowerCase(text.charAt(text.length() - 1))) {
            case 'b' -> 1;
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 0;
        };
        String digits = unit == 0 ? text : text.substring(0, text.length() - 1);
        try {
            long value = Long.parseLong(digits);
            return Math.multiplyExact(value, unit == 0 ? 1 : unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("invalid size '" + text
                    + "'; use a whole number with an optional suffix k, m, g or t, e.g. 500M");
        }
    }
}
