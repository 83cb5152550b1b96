package dev.coffer.agent.config;

import java.util.regex.Pattern;

/** Masks secrets inside otherwise printable values. */
final class Redaction {
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@:\\s]*):\\S*@");

    private Redaction() {
    }

    /** A URL or repository text with the password of its user info replaced: {@code rest:https://u:***@h/}. */
    static String url(String text) {
        return URL_PASSWORD.matcher(text).replaceAll("$1:***@");
    }

    /** Shows the first four characters of an identifier (an access key id), masks the rest. */
    static String partial(String value) {
        return value.length() <= 8 ? "***" : value.substring(0, 4) + "***";
    }
}
