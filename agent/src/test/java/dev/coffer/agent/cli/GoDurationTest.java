package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class GoDurationTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"0,PT0S", "0s,PT0S", "30s,PT30S", "5m,PT5M", "1h30m,PT1H30M", "1.5h,PT1H30M", "300ms,PT0.3S",
        "2h45m10.5s,PT2H45M10.5S", "100us,PT0.0001S", "7ns,PT0.000000007S", "+10s,PT10S", ".5s,PT0.5S"})
    void parsesGoDurations(String text, String iso) {
        assertEquals(Duration.parse(iso), GoDuration.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "-5s", "5x", "1h-5m", "s", "1..5s", "5 m"})
    void rejectsWhatGoRejects(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> GoDuration.parse(text));
        assertEquals("invalid duration '" + text + "': use a number with a unit, like 30s, 5m or 1h30m", e.getMessage());
    }
}
