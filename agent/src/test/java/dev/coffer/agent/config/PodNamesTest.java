package dev.coffer.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodNamesTest {
    @ParameterizedTest
    @CsvSource({
        "emby-7c5ddbdf54-2xzrf, emby",
        "my-app-7c5ddbdf54-2xzrf, my-app",
        "nginx-5d4f8b9c7-x8k2p, nginx",
        "postgres-0, postgres",
        "kafka-broker-12, kafka-broker",
        "node-exporter-xk2lp, node-exporter-xk2lp",
        "web-server-abcde, web-server-abcde",
        "standalone, standalone",
        "app-v2, app-v2",
        "worker-01, worker-01",
        "laptop.local, laptop.local"
    })
    void workloadFromPodName(String pod, String workload) {
        assertEquals(workload, PodNames.workload(pod));
    }

    @ParameterizedTest
    @CsvSource({"emby-7c5ddbdf54-2xzrf, emby", "my-app-7c5ddbdf54-2xzrf, my", "single, single"})
    void firstPartIsWhatCutGave(String pod, String first) {
        assertEquals(first, PodNames.firstPart(pod));
    }
}
