package dev.coffer.agent.forget;

import static dev.coffer.agent.forget.Snapshots.sn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForgetJsonTest {

    private final ForgetJson json = new ForgetJson(ForgetJson.BASIC);

    @Test
    void printsResticsShape() {
        SnapshotInfo kept = sn("aa", "2024-01-05T12:00:00+01:00", "h<1>", List.of("/z", "/a"), "t2", "t1");
        SnapshotInfo gone = sn("bb", "2024-01-04T12:00:00Z", "h<1>", List.of("/a", "/z"));
        ForgetPlan plan = new ForgetPlan(new GroupKey("h<1>", List.of("/a", "/z"), List.of()), List.of(kept),
                List.of(gone), List.of(new KeepReason(kept, List.of("last snapshot"), new KeepCounters(0, 0, 2, 0, 0, 0))));
        String id = "aa" + "0".repeat(62);
        String id2 = "bb" + "0".repeat(62);
        assertEquals("[{\"tags\":null,\"host\":\"h\\u003c1\\u003e\",\"paths\":[\"/a\",\"/z\"],"
                + "\"keep\":[{\"time\":\"2024-01-05T12:00:00+01:00\",\"paths\":[\"/a\",\"/z\"],\"hostname\":\"h\\u003c1\\u003e\","
                + "\"tags\":[\"t2\",\"t1\"],\"id\":\"" + id + "\",\"short_id\":\"aa000000\"}],"
                + "\"remove\":[{\"time\":\"2024-01-04T12:00:00Z\",\"paths\":[\"/a\",\"/z\"],\"hostname\":\"h\\u003c1\\u003e\","
                + "\"id\":\"" + id2 + "\",\"short_id\":\"bb000000\"}],"
                + "\"reasons\":[{\"snapshot\":{\"time\":\"2024-01-05T12:00:00+01:00\",\"paths\":[\"/a\",\"/z\"],"
                + "\"hostname\":\"h\\u003c1\\u003e\",\"tags\":[\"t2\",\"t1\"]},\"matches\":[\"last snapshot\"],"
                + "\"counters\":{\"daily\":2}}]}]\n",
                json.write(new ForgetResult(List.of(plan), Optional.empty()), SnapshotGrouping.DEFAULT));
    }

    @Test
    void sortsTagsWhenGroupingByTagsAndPrintsEmptyListsAsNull() {
        SnapshotInfo kept = sn("aa", "2024-01-05T12:00:00Z", "t2", "t1");
        ForgetPlan plan = new ForgetPlan(new GroupKey("", List.of(), List.of("t1", "t2")), List.of(kept), List.of(),
                List.of(new KeepReason(kept, List.of("has tags [t1]"), new KeepCounters(0, 0, 0, 0, 0, 0))));
        String out = json.write(new ForgetResult(List.of(plan), Optional.empty()), SnapshotGrouping.parse("tags"));
        assertEquals(true, out.startsWith("[{\"tags\":[\"t1\",\"t2\"],\"host\":\"\",\"paths\":null,"), out);
        assertEquals(true, out.contains("\"tags\":[\"t1\",\"t2\"],\"id\""), out);
        assertEquals(true, out.contains("\"remove\":null,"), out);
        assertEquals(true, out.contains("\"counters\":{}"), out);
    }

    @Test
    void printsNothingWithoutGroups() {
        assertEquals("", json.write(new ForgetResult(List.of(), Optional.of(ForgetResult.NO_POLICY)),
                SnapshotGrouping.DEFAULT));
    }

    @Test
    void escapesControlCharactersLikeGo() {
        SnapshotInfo s = sn("aa", "2024-01-05T12:00:00Z", "a\u0001b\n&\u2028", List.of("/p"));
        ForgetPlan plan = new ForgetPlan(new GroupKey(s.hostname(), List.of(), List.of()), List.of(), List.of(s), List.of());
        String out = json.write(new ForgetResult(List.of(plan), Optional.empty()), SnapshotGrouping.DEFAULT);
        assertEquals(true, out.contains("\"host\":\"a\\u0001b\\n\\u0026\\u2028\""), out);
        assertEquals(true, out.contains("\"reasons\":null"), out);
    }
}
