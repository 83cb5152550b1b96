package dev.coffer.agent.forget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

    @Test
    void parsesAllUnits() {
        assertEquals(new GoDuration(1, 5, 7, 2), GoDuration.parse("1y5m7d2h"));
        assertEquals(new GoDuration(0, 0, 30, 0), GoDuration.parse("30d"));
        assertEquals(new GoDuration(0, 0, 3, 12), GoDuration.parse("12h3d"));
    }

    @Test
    void followsResticsLenientRules() {
        assertEquals(GoDuration.ZERO, GoDuration.parse(""));
        assertEquals(GoDuration.ZERO, GoDuration.parse("  "));
        assertEquals(new GoDuration(0, 0, 2, 0), GoDuration.parse(" 1d2d "), "a repeated unit replaces");
        assertEquals(new GoDuration(0, 0, -1, 0), GoDuration.parse("-1d"));
        assertTrue(GoDuration.parse("0d0h").isZero());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1|no unit found after number 1",
        "d|expected a number at position 0",
        "1x|invalid unit 'x' found after number 1",
        "1.5d|invalid unit '.' found after number 1",
        "1d-|expected a number at position 2",
        "1 d|invalid unit ' ' found after number 1",
        "99999999999d|number 99999999999 is too large"})
    void rejectsMalformedTextWithAClearMessage(String text, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().contains("e.g. 1y5m7d2h"), e.getMessage());
    }

    @Test
    void printsLikeRestic() {
        assertEquals("1y2m3d", new GoDuration(1, 2, 3, 0).toString());
        assertEquals("12h", new GoDuration(0, 0, 0, 12).toString());
        assertEquals("", GoDuration.ZERO.toString());
    }
}
