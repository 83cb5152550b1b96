package dev.coffer.agent.cli;

/** Go's {@code FileMode.String()}: type letters then rwx, as restic prints permissions. */
final class GoModeString {
    private static final String TYPES = "dalTLDpSugct?";

    private GoModeString() {
    }

    static String of(long mode) {
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < TYPES.length(); i++) {
            if ((mode & (1L << (31 - i))) != 0) {
                b.append(TYPES.charAt(i));
            }
        }
        if (b.length() == 0) {
            b.append('-');
        }
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            b.append((mode & (1L << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return b.toString();
    }
}
