package dev.coffer.agent.notify;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Removes secrets from text: known secret values and the password part of URLs. */
final class Scrubber {
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@:\\s]*):\\S*@");
    private final List<String> secrets;

    Scrubber(Set<String> secrets) {
        // longest first, so a secret containing another is removed whole
        this.secrets = secrets.stream().filter(s -> s.length() >= 4)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String scrub(String text) {
        String out = URL_PASSWORD.matcher(text).replaceAll("$1:***@");
        for (String s : secrets) {
            out = out.replace(s, "***");
        }
        return out;
    }
}
