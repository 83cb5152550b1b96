package dev.coffer.agent.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigPrinterTest {
    @Test
    void printsEverySettingWithSecretsMasked() throws Exception {
        Map<String, String> env = ConfigLoaderTest.legacyEnv();
        env.put("AWS_SESSION_TOKEN", "sessiontokenvalue123");
        env.put("AWS_DEFAULT_REGION", "eu-central-2");
        AgentConfig c = ConfigLoaderTest.load(env);
        String out = ConfigPrinter.render(c);
        for (String secret : new String[] {ConfigLoaderTest.PASSWORD, ConfigLoaderTest.AWS_SECRET,
            ConfigLoaderTest.NTFY_PASSWORD, "sessiontokenvalue123", "v1eoAeRYfHhcRsUsW"}) {
            assertFalse(out.contains(secret), "leaked " + secret + " in\n" + out);
            assertFalse(c.toString().contains(secret), "leaked " + secret + " in toString");
        }
        assertTrue(out.contains("v1eo***"), out);
        assertTrue(out.contains("eu-central-2"), out);
        assertTrue(out.contains("s3:s3.eu-central-2.wasabisys.com/k3s/emby"), out);
        assertTrue(out.contains("retention (KEEP_*)       = last=1 hourly=48 daily=7 weekly=4"), out);
        assertTrue(out.contains("BACKUP_CRON              = 0 * * * * (UTC)"), out);
        assertTrue(out.contains("basic, user mne-adm, password ******"), out);
        assertTrue(out.contains("SHUTDOWN_GRACE           = 25s"), out);
        assertTrue(out.contains("METRICS_PORT             = 9568"), out);
    }

    @Test
    void urlPasswordsAreMasked() throws Exception {
        Map<String, String> env = ConfigLoaderTest.legacyEnv();
        env.put("RESTIC_REPOSITORY", "rest:https://backup:topsecret@rest.example.org:8000/emby");
        AgentConfig c = ConfigLoaderTest.load(env);
        String out = ConfigPrinter.render(c);
        assertFalse(out.contains("topsecret"), out);
        assertTrue(out.contains("rest:https://backup:***@rest.example.org:8000/emby"), out);
        assertFalse(c.pushgateway().instance().contains("topsecret"));
    }
}
