package dev.coffer.ship;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the metric names a PromQL expression selects. Not a parser (promtool judges syntax); a
 * lexer that drops what cannot be a metric name: strings, label matchers, ranges, the label
 * lists of by/without/on/ignoring/group_left/group_right, function names, keywords, numbers.
 */
final class PromQl {
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern BRACES = Pattern.compile("\\{[^{}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\[\\]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IDENT = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "atan2", "inf", "nan");

    private PromQl() {
    }

    static Set<String> metricNames(String expr) {
        String t = STRING.matcher(expr).replaceAll(" ");
        t = BRACES.matcher(t).replaceAll(" ");
        t = RANGE.matcher(t).replaceAll(" ");
        t = LABEL_LIST.matcher(t).replaceAll(" ");
        t = t.replaceAll("@\\s*(start|end)\\s*\\(\\s*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENT.matcher(t);
        while (m.find()) {
            String word = m.group(1);
            boolean call = m.group(2) != null;
            if (!call && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                names.add(word);
            }
        }
        return names;
    }

    /** Grafana's variables replaced by values that keep the expression valid PromQL. */
    static String expandGrafanaVariables(String expr, List<String> knownVariables) {
        String t = expr.replace("$__rate_interval", "5m").replace("$__interval", "1m").replace("$__range", "1d")
                .replace("${__rate_interval}", "5m").replace("${__interval}", "1m").replace("${__range}", "1d");
        for (String v : knownVariables) {
            t = t.replace("${" + v + "}", ".*").replace("$" + v, ".*");
        }
        return t;
    }
}
