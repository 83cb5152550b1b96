package dev.coffer.agent.config;

import java.io.IOException;
import java.util.List;

/** Every problem found in the configuration, one line each; the message lists them all. */
public final class ConfigException extends IOException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, each naming the setting, what is wrong and what a valid value looks like. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        StringBuilder b = new StringBuilder("the configuration has ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems")
                .append("; fix them in the environment (Secret/ConfigMap) or COFFER_CONFIG and restart:");
        for (String p : problems) {
            b.append(System.lineSeparator()).append("  - ").append(p);
        }
        return b.toString();
    }
}
