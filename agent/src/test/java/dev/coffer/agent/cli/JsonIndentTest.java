package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected outputs are what Go's json.MarshalIndent(v, "", "  ") prints (as restic cat shows them). */
class JsonIndentTest {
    private static String indent(String s) {
        return new String(JsonIndent.indent(s.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void indentsObjectsAndArraysTwoSpaces() {
        assertEquals("{\n  \"time\": \"t\",\n  \"paths\": [\n    \"/a\",\n    \"/b\"\n  ],\n  \"n\": 1\n}",
                indent("{\"time\":\"t\",\"paths\":[\"/a\",\"/b\"],\"n\":1}"));
    }

    @Test
    void keepsEmptyContainersAndStringEscapes() {
        assertEquals("{\n  \"a\": [],\n  \"b\": {},\n  \"s\": \"x\\\"{,:}\\u003c\"\n}",
                indent("{\"a\":[],\"b\":{},\"s\":\"x\\\"{,:}\\u003c\"}"));
    }

    @Test
    void nestedObjectsInArrays() {
        assertEquals("[\n  {\n    \"k\": null\n  },\n  true\n]", indent("[{\"k\":null},true]"));
    }
}
