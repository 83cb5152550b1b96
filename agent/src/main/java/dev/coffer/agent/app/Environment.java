package dev.coffer.agent.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Facts about the running process: host name, user, uid/gid, environment. Read once. */
public record Environment(Map<String, String> env, String hostname, String username, long uid, long gid, long pid,
        Path cwd) {

    public static Environment current() {
        Map<String, String> env = System.getenv();
        long[] ids = ids();
        return new Environment(env, hostname(env), System.getProperty("user.name", ""), ids[0], ids[1],
                ProcessHandle.current().pid(), Path.of("").toAbsolutePath());
    }

    public String get(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public boolean isRoot() {
        return uid == 0;
    }

    private static String hostname(Map<String, String> env) {
        for (Path p : new Path[] {Path.of("/proc/sys/kernel/hostname"), Path.of("/etc/hostname")}) {
            try {
                String h = Files.readString(p).trim();
                if (!h.isEmpty()) {
                    return h;
                }
            } catch (IOException | RuntimeException e) {
                // try the next source
            }
        }
        String h = env.get("HOSTNAME");
        return h == null ? "localhost" : h;
    }

    private static long[] ids() {
        long[] out = {-1, -1};
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    out[0] = Long.parseLong(line.split("\\s+")[1]);
                } else if (line.startsWith("Gid:")) {
                    out[1] = Long.parseLong(line.split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave unknown
        }
        return out;
    }
}
