package dev.coffer.agent.notify;

import dev.coffer.agent.schedule.RunResult;
import java.time.Duration;
import java.util.Locale;

/** The words of a notification: what happened, and for a failure, what to do next. */
final class Messages {
    private Messages() {
    }

    static String title(String template, RunResult r) {
        return template.replace("{job}", r.job())
                .replace("{operation}", r.operation().label().replace('_', ' '))
                .replace("{status}", r.succeeded() ? "succeeded" : "failed");
    }

    static String body(RunResult r, String hostname) {
        String what = capitalized(r.operation().label().replace('_', ' '));
        StringBuilder b = new StringBuilder();
        b.append(what).append(" of job '").append(r.job()).append("' on host ").append(hostname)
                .append(r.succeeded() ? " succeeded" : " FAILED").append(" (started ").append(r.start())
                .append(", took ").append(seconds(r.duration())).append(r.succeeded() ? "" : ", exit code " + r.exitCode())
                .append(").\n");
        r.snapshotId().ifPresent(id -> b.append("Snapshot: ").append(id).append('\n'));
        if (r.filesProcessed() > 0 || r.bytesProcessed() > 0) {
            b.append("Files: ").append(r.filesProcessed()).append(" processed (").append(bytes(r.bytesProcessed()))
                    .append("), ").append(r.filesAdded()).append(" new or changed; ")
                    .append(bytes(r.bytesAdded())).append(" added to the repository.\n");
        }
        if (!r.succeeded()) {
            r.errorMessage().ifPresent(m -> b.append("\nError: ").append(m).append('\n'));
            b.append("\nWhat to do: ").append(advice(r.exitCode())).append('\n');
        }
        return b.toString();
    }

    static String advice(int exitCode) {
        switch (exitCode) {
            case 3:
                return "some files could not be read and are missing from the snapshot; the log names them."
                        + " Check file permissions (the agent's user and fsGroup) on the source volume.";
            case 10:
                return "there is no repository at RESTIC_REPOSITORY. Check the address, or set AUTO_INIT=true"
                        + " to create it on the next run.";
            case 11:
                return "the repository is locked by another process. Wait for it, or if it died, its lock is"
                        + " removed once older than STALE_LOCK_AGE; 'coffer unlock' removes stale locks now.";
            case 12:
                return "the repository password is wrong. Check RESTIC_PASSWORD or RESTIC_PASSWORD_FILE in the"
                        + " Secret.";
            default:
                return "read the agent's log for the cause (kubectl logs <pod> -c <coffer container>); the next"
                        + " scheduled run will try again. If it keeps failing, run 'coffer check'.";
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = n;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
