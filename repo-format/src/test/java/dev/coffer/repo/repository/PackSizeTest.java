package dev.coffer.repo.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PackSizeTest {
    @Test
    void mebibytesFromFourTo128ZeroAndNothingMeanSixteen() {
        assertEquals(16 << 20, PackSize.DEFAULT);
        assertEquals(PackSize.DEFAULT, PackSize.ofMiB(0));
        assertEquals(PackSize.DEFAULT, PackSize.parse(null));
        assertEquals(PackSize.DEFAULT, PackSize.parse(" "));
        assertEquals(4 << 20, PackSize.ofMiB(4));
        assertEquals(128 << 20, PackSize.parse(" 128 "));
    }

    @Test
    void outOfRangeIsRefusedInResticsWords() {
        assertEquals("pack size smaller than minimum of 4 MiB",
                assertThrows(IllegalArgumentException.class, () -> PackSize.ofMiB(3)).getMessage());
        assertEquals("pack size larger than limit of 128 MiB",
                assertThrows(IllegalArgumentException.class, () -> PackSize.parse("129")).getMessage());
        assertEquals("pack size must be a whole number of MiB from 4 to 128, got '16M'",
                assertThrows(IllegalArgumentException.class, () -> PackSize.parse("16M")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PackSize.ofMiB(-1));
        assertThrows(IllegalArgumentException.class, () -> PackSize.parse("99999999999999999999"));
    }
}
