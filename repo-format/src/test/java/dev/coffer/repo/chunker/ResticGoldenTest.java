package dev.coffer.repo.chunker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Chunk boundaries and ids that restic 0.14 produced for deterministic files (see
 * golden/chunker/regenerate.sh): Coffer must cut the same data identically for deduplication
 * with repositories restic started.
 */
class ResticGoldenTest {

    record Chunk(int length, String id) {
    }

    @Test
    void chunksLikeRestic() throws IOException {
        JsonNode golden = load();
        Polynomial pol = Polynomial.parseHex(golden.get("polynomial").asText());
        assertTrue(pol.isValidChunkerPolynomial(), pol.hex());
        Chunker chunker = new Chunker(Chunker.tables(pol));
        SplittableRandom slices = new SplittableRandom(11);
        int files = 0;
        for (JsonNode file : golden.get("files")) {
            byte[] data = generate(file);
            List<Chunk> expected = new ArrayList<>();
            file.get("chunks").forEach(c -> expected.add(new Chunk(c.get("length").asInt(), c.get("id").asText())));
            String name = file.get("name").asText();
            assertEquals(expected, chunks(data, Chunking.lengths(chunker, data)), name);
            assertEquals(expected, chunks(data, Chunking.lengths(chunker, data, () -> slices.nextInt(1, 1 << 20))), name);
            files++;
        }
        assertEquals(7, files);
    }

    private static List<Chunk> chunks(byte[] data, List<Integer> lengths) {
        List<Chunk> chunks = new ArrayList<>();
        int pos = 0;
        for (int length : lengths) {
            chunks.add(new Chunk(length, Id.hash(data, pos, length).hex()));
            pos += length;
        }
        return chunks;
    }

    private static byte[] generate(JsonNode file) {
        int size = file.get("size").asInt();
        String generator = file.get("generator").asText();
        return switch (generator) {
            case "random" -> TestData.random(file.get("seed").asLong(), size);
            case "text" -> TestData.text(file.get("seed").asLong(), size);
            case "fill" -> TestData.fill(file.get("value").asInt(), size);
            case "zero" -> new byte[size];
            default -> throw new IllegalArgumentException("unknown generator " + generator);
        };
    }

    private static JsonNode load() throws IOException {
        try (InputStream in = ResticGoldenTest.class.getResourceAsStream("/golden/chunker/chunks.json")) {
            assertNotNull(in, "golden/chunker/chunks.json missing from test resources");
            return new ObjectMapper().readTree(in);
        }
    }
}
