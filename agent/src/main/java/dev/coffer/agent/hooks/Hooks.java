package dev.coffer.agent.hooks;

import dev.coffer.agent.config.JobHooks;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/** Builds a job's {@link HookChain} from its settings. */
public final class Hooks {
    private Hooks() {
    }

    /**
     * The hooks of one job, in the order their {@code before} steps run: the command, the URL, then
     * the TSDB snapshot (taken last, right before the backup reads it).
     *
     * @param http the client for URL hooks and Prometheus; each gets the hook timeout as its call timeout
     * @param env  the agent's environment, which commands inherit (over the process's own)
     */
    public static HookChain of(String job, JobHooks settings, OkHttpClient http, java.util.Map<String, String> env) {
        List<Hook> hooks = new ArrayList<>();
        if (settings.preCommand().isPresent() || settings.postCommand().isPresent()) {
            hooks.add(new CommandHook(job, settings.preCommand(), settings.postCommand(), settings.timeout(), env));
        }
        if (settings.preUrl().isPresent() || settings.postUrl().isPresent()) {
            hooks.add(new HttpHook(job, settings.preUrl(), settings.postUrl(), http, settings.timeout()));
        }
        if (settings.prometheusSnapshotUrl().isPresent()) {
            hooks.add(new TsdbSnapshotHook(settings.prometheusSnapshotUrl().get(),
                    settings.prometheusDataDir().orElseThrow(), http, settings.timeout()));
        }
        return new HookChain(hooks);
    }
}
