package dev.coffer.agent.forget;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The deterministic backup schedule of the oracle repository: about 340 snapshots over 2021 to
 * mid-2024 on four hosts and two path sets, taken in four time zones (UTC, Europe/Berlin with DST,
 * America/New_York, Asia/Kolkata +05:30), with dense hourly runs at the end, runs around year,
 * ISO-week and DST boundaries, some tags, and one snapshot in the future.
 */
final class OracleBackups {

    static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata");
    private static final DateTimeFormatter RESTIC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Instant START = Instant.parse("2021-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2024-06-10T00:00:00Z");

    private final Random random = new Random(20240615);
    private final Set<String> used = new HashSet<>();
    private final List<ResticRepoFixture.Backup> backups = new ArrayList<>();
    private final List<Path> pathsA;
    private final List<Path> pathsBA;

    private OracleBackups(Path a, Path b) {
        pathsA = List.of(a);
        pathsBA = List.of(b, a);
    }

    /** The schedule for source directories {@code a} and {@code b}. */
    static List<ResticRepoFixture.Backup> schedule(Path a, Path b) {
        OracleBackups s = new OracleBackups(a, b);
        s.alpha();
        s.beta();
        s.gamma();
        s.delta();
        return List.copyOf(s.backups);
    }

    private void alpha() {
        String berlin = "Europe/Berlin";
        LocalDateTime t = LocalDateTime.of(2024, 6, 12, 12, 0, 0);
        for (int i = 0; i < 37; i++) {
            add(t.plusHours(2L * i).plusMinutes(i == 36 ? 0 : random.nextInt(50)), berlin, "alpha", pathsA);
        }
        for (int day = 1; day <= 45; day++) {
            add(LocalDateTime.of(2024, 6, 12, 0, 0).minusDays(day).plusMinutes(random.nextInt(24 * 60)),
                    berlin, "alpha", pathsA);
        }
        for (String s : List.of("2024-01-15 11:30:00", "2024-01-15 12:30:00", "2022-12-31 23:30:00",
                "2023-01-01 00:30:00", "2020-12-31 22:00:00", "2023-03-26 02:30:00", "2023-10-29 02:30:00",
                "2023-10-29 01:45:00")) {
            add(LocalDateTime.parse(s, RESTIC_TIME), berlin, "alpha", pathsA);
        }
        randomRuns(40, berlin, "alpha", pathsA, END.minusSeconds(45L * 86400));
        randomRuns(40, "Asia/Kolkata", "alpha", pathsBA, END);
        for (String s : List.of("2022-03-01 00:15:00", "2023-01-01 03:00:00", "2023-06-05 01:00:00")) {
            add(LocalDateTime.parse(s, RESTIC_TIME), "Asia/Kolkata", "alpha", pathsBA);
        }
    }

    private void beta() {
        String ny = "America/New_York";
        randomRuns(50, ny, "beta", pathsA, END);
        for (String s : List.of("2021-12-31 23:30:00", "2022-01-01 00:30:00", "2022-12-31 23:30:00",
                "2023-12-31 23:30:00", "2024-01-01 00:30:00", "2024-02-04 23:30:00", "2024-02-05 00:30:00",
                "2024-03-10 03:30:00", "2024-03-10 02:30:00", "2023-11-05 01:30:00", "2021-01-03 23:59:00")) {
            add(LocalDateTime.parse(s, RESTIC_TIME), ny, "beta", pathsA);
        }
        for (int i = 0; i < 30; i++) {
            randomRuns(1, ZONES.get(random.nextInt(ZONES.size())), "beta", pathsBA, END);
        }
    }

    private void gamma() {
        for (int i = 0; i < 55; i++) {
            randomRuns(1, ZONES.get(random.nextInt(ZONES.size())), "gamma", pathsA, END);
        }
        LocalDateTime t = LocalDateTime.of(2024, 6, 7, 0, 0);
        for (int i = 0; i < 12; i++) {
            add(t.plusHours(5L * i).plusMinutes(random.nextInt(60)), ZONES.get(i % ZONES.size()), "gamma", pathsA);
        }
        add(LocalDateTime.of(2099, 1, 1, 12, 0), "UTC", "gamma", pathsA);
    }

    /** Month-end runs: 3 months before May 31 is "Feb 31", which Go turns into March 2. */
    private void delta() {
        for (String s : List.of("2024-05-31 10:00:00", "2024-03-02 11:00:00", "2024-03-02 09:00:00",
                "2024-03-01 09:00:00", "2024-02-29 12:00:00", "2023-03-03 11:00:00", "2023-03-02 11:00:00")) {
            add(LocalDateTime.parse(s, RESTIC_TIME), "UTC", "delta", pathsA);
        }
    }

    private void randomRuns(int n, String tz, String host, List<Path> paths, Instant end) {
        long span = end.getEpochSecond() - START.getEpochSecond();
        for (int i = 0; i < n; i++) {
            Instant at = START.plusSeconds((long) (random.nextDouble() * span));
            add(LocalDateTime.ofInstant(at, ZoneId.of(tz)), tz, host, paths);
        }
    }

    private void add(LocalDateTime local, String tz, String host, List<Path> paths) {
        String text = local.format(RESTIC_TIME);
        if (!used.add(text)) {
            text = local.plusSeconds(1 + random.nextInt(59)).format(RESTIC_TIME);
            used.add(text);
        }
        backups.add(new ResticRepoFixture.Backup(text, tz, host, paths, tags()));
    }

    private List<String> tags() {
        int r = random.nextInt(100);
        if (r < 55) {
            return List.of();
        } else if (r < 70) {
            return List.of("daily");
        } else if (r < 80) {
            return List.of("manual");
        } else if (r < 90) {
            return List.of("weekly", "daily");
        }
        return List.of("keep");
    }
}
