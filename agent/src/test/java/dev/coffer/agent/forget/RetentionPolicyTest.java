package dev.coffer.agent.forget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    @Test
    void emptyOnlyWithoutAnyRule() {
        assertTrue(RetentionPolicy.builder().build().isEmpty());
        assertTrue(RetentionPolicy.builder().keepWithin(GoDuration.parse("0d")).build().isEmpty());
        assertFalse(RetentionPolicy.builder().keepTag(List.of("")).build().isEmpty());
        assertFalse(RetentionPolicy.builder().keepYearly(-1).build().isEmpty());
        assertFalse(RetentionPolicy.builder().keepWithinWeekly(GoDuration.parse("1m")).build().isEmpty());
    }

    @Test
    void rejectsCountsBelowMinusOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RetentionPolicy.builder().keepDaily(-2).build());
        assertTrue(e.getMessage().contains("keep-daily") && e.getMessage().contains("-2"), e.getMessage());
    }

    @Test
    void describesLikeRestic() {
        RetentionPolicy p = RetentionPolicy.builder().keepLast(1).keepDaily(7).keepWeekly(4)
                .keepWithinDaily(GoDuration.parse("7d")).keepTag(List.of("a", "b")).keepTag(List.of("c"))
                .keepWithin(GoDuration.parse("1y2m")).build();
        assertEquals("keep 1 latest, 7 daily, 4 weekly snapshots, daily snapshots within 7d and all snapshots"
                + " with tags [[a, b] [c]] and all snapshots within 1y2m of the newest", p.describe());
    }

    @Test
    void copiesTagLists() {
        List<String> tags = new java.util.ArrayList<>(List.of("a"));
        RetentionPolicy p = RetentionPolicy.builder().keepTag(tags).build();
        tags.add("b");
        assertEquals(List.of(List.of("a")), p.keepTags());
    }
}
