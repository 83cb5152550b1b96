package dev.coffer.agent.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Known secrets and the forms they could leak in: as they are, hex (either case), base64 (standard
 * and URL-safe, with and without padding) and URL-encoded. {@link #find} names every form found.
 */
final class LeakScan {
    /** label of a form ("repository password, base64") to the text of that form. */
    private final Map<String, String> forms = new LinkedHashMap<>();

    /** Adds a secret given as text; its forms are those of its UTF-8 bytes plus its URL encodings. */
    LeakScan text(String label, String secret) {
        forms.put(label, secret);
        forms.put(label + ", URL-encoded", URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.put(label + ", URL-encoded (%20)", URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        return bytes(label, secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a secret given as bytes (key material): hex and base64 forms. */
    LeakScan bytes(String label, byte[] secret) {
        String b64 = Base64.getEncoder().encodeToString(secret);
        String url = Base64.getUrlEncoder().encodeToString(secret);
        forms.put(label + ", hex", HexFormat.of().formatHex(secret));
        forms.put(label + ", base64", b64);
        forms.put(label + ", base64 unpadded", b64.replaceAll("=+$", ""));
        forms.put(label + ", base64url unpadded", url.replaceAll("=+$", ""));
        return this;
    }

    /** Every form of every secret that occurs in {@code text} (hex compared without case), as "form in where". */
    List<String> find(String where, String text) {
        List<String> hits = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        forms.forEach((label, form) -> {
            boolean hex = label.endsWith(", hex");
            if (hex ? lower.contains(form) : text.contains(form)) {
                hits.add(label + " in " + where);
            }
        });
        return hits;
    }

    /** Like {@link #find} for bytes (files), read byte for byte. */
    List<String> find(String where, byte[] content) {
        return find(where, new String(content, StandardCharsets.ISO_8859_1));
    }
}
