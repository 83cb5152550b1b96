package dev.coffer.ship;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One example folder's Kubernetes objects, and what a kubelet would make of Coffer's containers. */
record Manifests(Path dir, List<JsonNode> objects) {
    /** A container, the pod spec around it, and its StatefulSet's volumeClaimTemplates (or nothing). */
    record Container(String workload, JsonNode pod, JsonNode spec, JsonNode claimTemplates) {
        String name() {
            return workload + "/" + spec.get("name").asText();
        }

        boolean isCoffer() {
            return spec.get("image").asText().startsWith("coffer");
        }

        List<String> args() {
            List<String> out = new ArrayList<>();
            spec.path("command").forEach(a -> out.add(a.asText()));
            spec.path("args").forEach(a -> out.add(a.asText()));
            return out;
        }
    }

    static Manifests read(Path dir) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Manifests::isYaml).sorted().toList()) {
                if (!f.getFileName().toString().equals("kustomization.yaml")) {
                    objects.addAll(Yaml.documents(f));
                }
            }
        }
        return new Manifests(dir, objects);
    }

    static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** The example folders under examples/kubernetes. */
    static List<Path> exampleDirs() throws IOException {
        try (Stream<Path> s = Files.list(Project.path("examples/kubernetes"))) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    JsonNode object(String kind, String name) {
        for (JsonNode o : objects) {
            if (o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name)) {
                return o;
            }
        }
        throw new AssertionError(dir + ": no " + kind + " named " + name + " (envFrom or a volume refers to it)");
    }

    /** Every container of every Deployment, StatefulSet, DaemonSet, Job and CronJob. */
    List<Container> containers() {
        List<Container> out = new ArrayList<>();
        for (JsonNode o : objects) {
            JsonNode pod = switch (o.path("kind").asText()) {
                case "Deployment", "StatefulSet", "DaemonSet", "Job" -> o.path("spec").path("template").path("spec");
                case "CronJob" -> o.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
                default -> null;
            };
            if (pod != null) {
                for (String field : List.of("initContainers", "containers")) {
                    pod.path(field).forEach(c -> out.add(new Container(o.path("metadata").path("name").asText(), pod, c,
                            o.path("spec").path("volumeClaimTemplates"))));
                }
            }
        }
        return out;
    }

    /**
     * The container's environment as the kubelet builds it: envFrom (Secrets' stringData/data,
     * ConfigMaps' data) first, then env; a fieldRef to the namespace becomes {@code namespace}.
     */
    Map<String, String> environment(Container c, String namespace) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : c.spec().path("envFrom")) {
            if (from.has("secretRef")) {
                JsonNode s = object("Secret", from.get("secretRef").get("name").asText());
                s.path("stringData").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
                s.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), new String(
                        java.util.Base64.getDecoder().decode(e.getValue().asText()), java.nio.charset.StandardCharsets.UTF_8)));
            } else if (from.has("configMapRef")) {
                object("ConfigMap", from.get("configMapRef").get("name").asText()).path("data").fields()
                        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            }
        }
        for (JsonNode e : c.spec().path("env")) {
            String name = e.get("name").asText();
            if (e.has("value")) {
                env.put(name, e.get("value").asText());
            } else if (e.path("valueFrom").path("fieldRef").path("fieldPath").asText().equals("metadata.namespace")) {
                env.put(name, namespace);
            } else {
                env.put(name, "from-" + e.path("valueFrom").fieldNames().next());
            }
        }
        return env;
    }

    /** Files the container sees from ConfigMap and Secret volumes: mount path + key to content. */
    Map<String, String> mountedFiles(Container c) {
        Map<String, JsonNode> volumes = new LinkedHashMap<>();
        c.pod().path("volumes").forEach(v -> volumes.put(v.get("name").asText(), v));
        c.claimTemplates().forEach(t -> volumes.put(t.path("metadata").path("name").asText(), t));
        Map<String, String> files = new LinkedHashMap<>();
        for (JsonNode m : c.spec().path("volumeMounts")) {
            JsonNode v = volumes.get(m.get("name").asText());
            if (v == null) {
                throw new AssertionError(c.name() + ": volumeMount " + m.get("name") + " has no volume");
            }
            JsonNode data = null;
            if (v.has("configMap")) {
                data = object("ConfigMap", v.get("configMap").get("name").asText()).path("data");
            } else if (v.has("secret")) {
                data = object("Secret", v.get("secret").get("secretName").asText()).path("stringData");
            }
            if (data != null) {
                String mount = m.get("mountPath").asText();
                data.fields().forEachRemaining(e -> files.put(mount + "/" + e.getKey(), e.getValue().asText()));
            }
        }
        return files;
    }
}
