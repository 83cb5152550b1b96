package dev.coffer.agent.backend;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes {@link RepositoryLocation#parse} (restic's repository strings: paths, {@code local:},
 * {@code s3:}, {@code rest:}): every string parses or is refused with
 * {@link InvalidLocationException}. Input: the string as UTF-8. Seeds: the README's forms.
 */
@Tag("fuzz")
class RepositoryLocationFuzzTest {
    @FuzzTest
    void parse(byte[] input) {
        String spec = new String(input, StandardCharsets.UTF_8);
        try {
            assertNotNull(RepositoryLocation.parse(spec).toString());
        } catch (InvalidLocationException expected) {
            // a clean, typed refusal
        }
    }
}
