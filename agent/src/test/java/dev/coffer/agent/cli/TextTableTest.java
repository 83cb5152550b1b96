package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void printsResticsKeyListShape() {
        TextTable t = new TextTable(" ID", "User", "Host", "Created");
        t.addRow("*fe32f652", "root", "vm", "2026-11-23 16:30:17");
        t.addRow(" b70ee1aa", "someuser", "longerhostname", "2026-11-23 16:30:30");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        String dashes = "-".repeat(56);
        assertEquals(String.join("\n",
                " ID        User      Host            Created",
                dashes,
                "*fe32f652  root      vm              2026-11-23 16:30:17",
                " b70ee1aa  someuser  longerhostname  2026-11-23 16:30:30",
                dashes, ""), out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void trailingEmptyCellsLeaveNoTrailingSpaces() {
        TextTable t = new TextTable("A", "B");
        t.addRow("x", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals("A  B\n----\nx\n----\n", out.toString(StandardCharsets.UTF_8));
    }
}
