package dev.coffer.agent.reliability;

import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.agent.backend.s3.S3Backend;
import dev.coffer.agent.backend.s3.S3ProxyServer;
import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.testing.Restic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * Crash-trial repositories in buckets of an S3Proxy on loopback, one bucket per repository; a
 * trial's copy of the base is made by copying its objects inside the server's store.
 */
record S3TrialSite(S3ProxyServer server, Path cwd) implements TrialSite {
    @Override
    public Repo base() {
        return new Bucket("base", this);
    }

    @Override
    public Repo copyOfBase(String name) {
        BlobStore store = server.blobStore();
        store.createContainerInLocation(null, name);
        for (String key : keys(store, "base", "")) {
            store.copyBlob("base", key, name, key, CopyOptions.NONE);
        }
        return new Bucket(name, this);
    }

    /** Every object name in {@code bucket} that starts with {@code prefix}. */
    static List<String> keys(BlobStore store, String bucket, String prefix) {
        List<String> out = new ArrayList<>();
        ListContainerOptions options = ListContainerOptions.Builder.prefix(prefix).recursive();
        while (true) {
            PageSet<? extends StorageMetadata> page = store.list(bucket, options);
            page.forEach(m -> out.add(m.getName()));
            if (page.getNextMarker() == null) {
                return out;
            }
            options = ListContainerOptions.Builder.prefix(prefix).recursive().afterMarker(page.getNextMarker());
        }
    }

    /** A repository at the root of one bucket. */
    record Bucket(String name, S3TrialSite site) implements Repo {
        String url() {
            return "s3:" + site.server.endpoint() + "/" + name;
        }

        @Override
        public Coffer coffer() {
            Coffer c = new Coffer(url(), site.cwd, site.server.env());
            // restic's smallest packs (4 MiB): the trials' ~31 MiB of new data fills eight of them, so
            // kills at random moments find some stored and some not; with 16 MiB packs the first one
            // was stored so near the end that a CI run's 20 kills all missed that moment
            c.env.put("RESTIC_PACK_SIZE", "4");
            return c;
        }

        @Override
        public Restic restic() {
            return new Restic(url(), Coffer.PASSWORD, site.server.env(), site.cwd);
        }

        @Override
        public boolean locked() {
            return !site.server.blobStore().list(name, ListContainerOptions.Builder.prefix("locks/").recursive()).isEmpty();
        }

        @Override
        public Backend backend() throws IOException {
            return S3Backend.open((RepositoryLocation.S3) RepositoryLocation.parse(url()), Map.of(), site.server.env());
        }

        @Override
        public void discard() {
            site.server.blobStore().deleteContainer(name);
        }
    }
}
