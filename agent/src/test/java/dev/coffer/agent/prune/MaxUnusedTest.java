package dev.coffer.agent.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** restic's --max-unused and size arguments. */
class MaxUnusedTest {
    @Test
    void percentagesAreAShareOfTheSizeAfterThePrune() {
        assertEquals(5, MaxUnused.parse("5%").limit(95));
        assertEquals(0, MaxUnused.parse("0%").limit(1_000_000));
        assertEquals(1000, MaxUnused.parse("50%").limit(1000));
        assertEquals(52631, MaxUnused.DEFAULT.limit(1_000_000), "uint64(5/95 * used), truncated as Go does");
        assertEquals(1000, MaxUnused.parse(" 12.5% ").limit(7000));
    }

    @Test
    void sizesAndUnlimited() {
        assertEquals(0, MaxUnused.parse("0").limit(123));
        assertEquals(10L << 20, MaxUnused.parse("10M").limit(0));
        assertEquals(3L << 30, MaxUnused.parse("3g").limit(0));
        assertEquals(2048, MaxUnused.parse("2k").limit(0));
        assertEquals(17, MaxUnused.parse("17b").limit(0));
        assertTrue(MaxUnused.parse("unlimited").unlimited());
        assertEquals(Long.MAX_VALUE, MaxUnused.parse("unlimited").limit(5));
        assertEquals(1L << 40, PruneOptions.parseMaxRepackSize("1T"));
        assertEquals(Long.MAX_VALUE, PruneOptions.parseMaxRepackSize(null));
    }

    @Test
    void badValuesSayWhatToWrite() {
        for (String bad : new String[] {"", "  ", "100%", "120%", "-1%", "x%", "12q", "abc", "1.5M"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MaxUnused.parse(bad), bad);
            assertTrue(e.getMessage().contains("max-unused"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> PruneOptions.parseMaxRepackSize("lots"));
    }

    @Test
    void smallPacksAreBelowAFractionOfThePackSize() {
        PruneOptions d = PruneOptions.defaults();
        assertEquals(16 * 1024 * 1024 / 25, d.targetPackSize());
        PruneOptions small = new PruneOptions(MaxUnused.DEFAULT, Long.MAX_VALUE, false, true, 16 << 20);
        assertEquals((16 << 20) / 5 * 4, small.targetPackSize());
    }
}
