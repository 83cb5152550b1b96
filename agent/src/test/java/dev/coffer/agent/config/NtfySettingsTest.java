package dev.coffer.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NtfySettingsTest {
    private final List<String> problems = new ArrayList<>();

    private NtfyConfig read(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("NTFY_ENABLED", "true", "NTFY_TOPIC", "backups"));
        env.putAll(extra);
        return new NtfySettings(new EnvReader(env, problems, ""), "emby", "emby-7c5ddbdf54-2xzrf").read();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-u alice:s3cr:et", "--user alice:s3cr:et", "alice:s3cr:et", "'-u alice:s3cr:et'",
        "-u 'alice:s3cr:et'", "  -ualice:s3cr:et  "})
    void credsInEveryForm(String creds) {
        NtfyAuth.Basic basic = assertInstanceOf(NtfyAuth.Basic.class, read(Map.of("NTFY_CREDS", creds)).auth());
        assertEquals("alice", basic.user());
        assertEquals("s3cr:et", basic.password().reveal());
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void tokenAsBearerOrAsEmptyUser() {
        NtfyAuth.Bearer bearer = assertInstanceOf(NtfyAuth.Bearer.class,
                read(Map.of("NTFY_TOKEN", "tk_abc123")).auth());
        assertEquals("tk_abc123", bearer.token().reveal());
        NtfyAuth.Basic basic = assertInstanceOf(NtfyAuth.Basic.class, read(Map.of("NTFY_CREDS", ":tk_abc123")).auth());
        assertEquals("", basic.user());
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void badCredsAreReportedWithoutTheirValue() {
        read(Map.of("NTFY_CREDS", "-u hunter2"));
        assertEquals(1, problems.size());
        assertFalse(problems.get(0).contains("hunter2"), problems.get(0));
        problems.clear();
        read(Map.of("NTFY_CREDS", "a:b", "NTFY_TOKEN", "tk_x"));
        assertTrue(problems.get(0).contains("not both"));
    }

    @Test
    void titlePlaceholdersAndTheOldShellForms() {
        assertEquals("emby - Backup failed", read(Map.of("NTFY_TITLE", "$(hostname | cut -d '-' -f1) - Backup failed")).title());
        assertEquals("emby - failed", read(Map.of("NTFY_TITLE", "$(hostname|cut -d- -f1) - failed")).title());
        assertEquals("emby-7c5ddbdf54-2xzrf failed", read(Map.of("NTFY_TITLE", "$(hostname) failed")).title());
        assertEquals("emby on emby-7c5ddbdf54-2xzrf: {operation} {status}",
                read(Map.of("NTFY_TITLE", "{hostname} on {pod}: {operation} {status}")).title());
        assertEquals("emby: {operation} {status}", read(Map.of()).title());
        assertTrue(problems.isEmpty(), problems.toString());
        read(Map.of("NTFY_TITLE", "$(date) failed"));
        assertTrue(problems.get(0).startsWith("NTFY_TITLE:"), problems.toString());
    }

    @Test
    void priorityNamesAndTags() {
        NtfyConfig c = read(Map.of("NTFY_PRIO", "urgent", "NTFY_TAG", "bangbang,backup"));
        assertEquals(5, c.priority());
        assertEquals(List.of("bangbang", "backup"), c.tags());
    }

    @Test
    void topicIsRequiredWhenEnabled() {
        new NtfySettings(new EnvReader(Map.of("NTFY_ENABLED", "true"), problems, ""), "h", "p").read();
        assertTrue(problems.get(0).startsWith("NTFY_TOPIC:"), problems.toString());
    }
}
