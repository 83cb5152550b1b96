package dev.coffer.agent.forget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoTimeTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    @ParameterizedTest(name = "{0} + {1}y{2}m{3}d = {4}")
    @CsvSource({
        "2021-03-31T10:00, 0, -1, 0, 2021-03-03T10:00",   // "Feb 31" of a common year
        "2020-03-31T10:00, 0, -1, 0, 2020-03-02T10:00",   // "Feb 31" of a leap year
        "2021-01-31T10:00, 0, 1, 0, 2021-03-03T10:00",
        "2020-02-29T10:00, -1, 0, 0, 2019-03-01T10:00",
        "2024-05-31T10:00, 0, -3, 0, 2024-03-02T10:00",
        "2021-01-15T10:00, 0, -13, 0, 2019-12-15T10:00",
        "2021-03-01T10:00, 0, 0, -1, 2021-02-28T10:00",
        "2021-07-31T23:00, -1, -2, -3, 2020-05-28T23:00"})
    void addDateNormalisesLikeGo(String from, int y, int m, int d, String expected) {
        OffsetDateTime t = LocalDateTime.parse(from).atOffset(ZoneOffset.ofHours(2));
        Instant result = GoTime.addDate(t, y, m, d, UTC);
        assertEquals(LocalDateTime.parse(expected).atOffset(ZoneOffset.ofHours(2)).toInstant(), result);
    }

    @Test
    void addDateUsesTheLocalZoneWhenGoWouldHaveAttachedIt() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        OffsetDateTime summer = OffsetDateTime.parse("2022-07-01T12:00:00+02:00");
        // Go parses this time into Local=Berlin, so 12:00 in January is +01:00.
        assertEquals(Instant.parse("2022-01-01T11:00:00Z"), GoTime.addDate(summer, 0, -6, 0, berlin));
        // With another local zone it keeps the fixed +02:00 offset.
        assertEquals(Instant.parse("2022-01-01T10:00:00Z"), GoTime.addDate(summer, 0, -6, 0, UTC));
        // An offset the local zone did not have at that instant stays fixed, too.
        OffsetDateTime odd = OffsetDateTime.parse("2022-07-01T12:00:00+01:00");
        assertEquals(Instant.parse("2022-01-01T11:00:00Z"), GoTime.addDate(odd, 0, -6, 0, berlin));
    }

    @Test
    void addDateIntoADstGapFollowsGo() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 2021-03-28 02:30 does not exist in Berlin; Go lands on 03:30 CEST (= 01:30Z).
        OffsetDateTime t = OffsetDateTime.parse("2021-04-28T02:30:00+02:00");
        assertEquals(Instant.parse("2021-03-28T01:30:00Z"), GoTime.addDate(t, 0, -1, 0, berlin));
    }

    @ParameterizedTest(name = "{0} is ISO week {1}")
    @CsvSource({
        "2020-12-31T12:00+00:00, 202053",
        "2021-01-01T12:00+00:00, 202053",
        "2021-01-03T23:59+00:00, 202053",
        "2021-01-04T00:00+00:00, 202101",
        "2018-12-31T08:00+00:00, 201901",
        "2024-12-30T08:00+00:00, 202501",
        "2027-01-01T08:00+00:00, 202653",
        "2024-02-04T23:30-05:00, 202405",  // Sunday evening in New York, Monday in UTC
        "2024-02-05T00:30+05:30, 202406"})
    void weekBucketIsTheIsoWeekInTheRecordedOffset(String time, long expected) {
        assertEquals(expected, GoTime.weekBucket(OffsetDateTime.parse(time)));
    }

    @Test
    void calendarBucketsUseTheRecordedOffset() {
        OffsetDateTime nyEve = OffsetDateTime.parse("2021-12-31T23:30:00-05:00");
        assertEquals(2021123123L, GoTime.hourBucket(nyEve));
        assertEquals(20211231L, GoTime.dayBucket(nyEve));
        assertEquals(202112L, GoTime.monthBucket(nyEve));
        assertEquals(2021L, GoTime.yearBucket(nyEve));
        assertEquals(2022L, GoTime.yearBucket(nyEve.withOffsetSameInstant(ZoneOffset.UTC)));
    }

    @Test
    void formatsLikeGoRfc3339Nano() {
        assertEquals("2021-03-28T03:30:00+02:00", GoTime.formatRfc3339Nano(OffsetDateTime.parse("2021-03-28T03:30:00+02:00")));
        assertEquals("2021-12-31T23:30:00-05:00", GoTime.formatRfc3339Nano(OffsetDateTime.parse("2021-12-31T23:30-05:00")));
        assertEquals("2022-01-01T00:00:00Z", GoTime.formatRfc3339Nano(OffsetDateTime.parse("2022-01-01T00:00:00+00:00")));
        assertEquals("2022-01-01T05:30:00.12345+05:30",
                GoTime.formatRfc3339Nano(OffsetDateTime.parse("2022-01-01T05:30:00.123450000+05:30")));
        assertEquals("2022-01-01T05:30:00.000000001Z", GoTime.formatRfc3339Nano(OffsetDateTime.parse("2022-01-01T05:30:00.000000001Z")));
    }
}
