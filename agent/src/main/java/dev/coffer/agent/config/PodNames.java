package dev.coffer.agent.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives a workload name from a pod name, so every pod of one workload writes snapshots under one
 * host name (and finds its parent snapshot after a restart).
 *
 * <ul>
 *   <li>Deployment pods {@code <name>-<pod-template-hash>-<5 chars>} (both parts in Kubernetes'
 *       vowel-free alphabet) become {@code <name>}: {@code emby-7c5ddbdf54-2xzrf} → {@code emby};</li>
 *   <li>StatefulSet pods {@code <name>-<ordinal>} become {@code <name>}: {@code postgres-0} →
 *       {@code postgres};</li>
 *   <li>anything else is kept as it is.</li>
 * </ul>
 *
 * The old sidecar script used {@code $(hostname | cut -d '-' -f1)}, the first dash-separated part
 * ({@code my-app-7c5ddbdf54-2xzrf} → {@code my}); to keep that value for an existing repository,
 * set RESTIC_HOSTNAME to it.
 */
final class PodNames {
    private static final String SAFE = "[bcdfghjklmnpqrstvwxz2456789]";
    private static final Pattern REPLICA_SET = Pattern.compile("(.+)-" + SAFE + "{1,10}-" + SAFE + "{5}");
    private static final Pattern STATEFUL_SET = Pattern.compile("(.+)-(?:0|[1-9][0-9]{0,5})");

    private PodNames() {
    }

    static String workload(String podName) {
        Matcher rs = REPLICA_SET.matcher(podName);
        if (rs.matches()) {
            return rs.group(1);
        }
        Matcher sts = STATEFUL_SET.matcher(podName);
        if (sts.matches()) {
            return sts.group(1);
        }
        return podName;
    }

    /** What {@code hostname | cut -d '-' -f1} gave: the part before the first dash. */
    static String firstPart(String podName) {
        int dash = podName.indexOf('-');
        return dash < 0 ? podName : podName.substring(0, dash);
    }
}
