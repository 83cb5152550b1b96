package dev.coffer.agent.logging;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** Replaces known secret values and the password part of URLs ({@code ://user:pw@}) with {@code ***}. */
final class SecretScrubber {
    static final SecretScrubber NONE = new SecretScrubber(List.of());
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@:\\s]*):\\S*@");
    /** Shorter values are too likely to occur by chance in ordinary words. */
    static final int MIN_LENGTH = 4;

    private final List<String> secrets;

    SecretScrubber(Collection<String> secrets) {
        // longest first, so a secret that contains another is removed whole
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String scrub(String text) {
        if (text == null) {
            return "";
        }
        String out = text.contains("://") ? URL_PASSWORD.matcher(text).replaceAll("$1:***@") : text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, "***");
            }
        }
        return out;
    }
}
