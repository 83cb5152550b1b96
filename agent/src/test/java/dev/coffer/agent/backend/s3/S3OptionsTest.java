package dev.coffer.agent.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backend.InvalidOptionException;
import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.model.FileType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3OptionsTest {
    private static final String ID = "ab".repeat(32);

    @Test
    void defaults() throws Exception {
        assertEquals(S3Options.DEFAULTS, S3Options.from(Map.of()));
        assertEquals(S3Options.DEFAULTS, S3Options.from(Map.of("rest.connections", "3", "other", "x")));
        assertEquals(5, S3Options.DEFAULTS.connections());
    }

    @Test
    void readsEveryOption() throws Exception {
        S3Options o = S3Options.from(Map.of("s3.bucket-lookup", "dns", "s3.region", "eu-west-1",
                "s3.sse", "aws:kms", "s3.sse-kms-key-id", "key-1", "s3.storage-class", "STANDARD_IA",
                "s3.connections", "16", "cacert", "/etc/ca.pem", "s3.timeout", "1m30s"));
        assertEquals(new S3Options(BucketLookup.DNS, "eu-west-1", "aws:kms", "key-1", "STANDARD_IA", 16,
                Path.of("/etc/ca.pem"), java.time.Duration.ofSeconds(90)), o);
        assertEquals("aws:kms", S3Options.from(Map.of("s3.sse-kms-key-id", "k")).sse());
        assertEquals("AES256", S3Options.from(Map.of("s3.sse", "AES256")).sse());
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(InvalidOptionException.class, () -> S3Options.from(Map.of("s3.bucket-lookup", "sideways")));
        assertThrows(InvalidOptionException.class, () -> S3Options.from(Map.of("s3.sse", "rot13")));
        assertThrows(InvalidOptionException.class,
                () -> S3Options.from(Map.of("s3.sse", "AES256", "s3.sse-kms-key-id", "k")));
        assertThrows(InvalidOptionException.class, () -> S3Options.from(Map.of("s3.connections", "none")));
        assertThrows(InvalidOptionException.class, () -> S3Options.from(Map.of("s3.connections", "0")));
        assertThrows(InvalidOptionException.class, () -> S3Options.from(Map.of("s3.timeout", "30")));
        assertThrows(InvalidOptionException.class, () -> S3Options.from(Map.of("s3.timeout", "0s")));
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> S3Options.from(Map.of("s3.typo", "1")));
        assertTrue(e.getMessage().contains("s3.storage-class"), e.getMessage());
    }

    @Test
    void objectKeysFollowResticsLayout() {
        ObjectKeys k = new ObjectKeys("some/prefix");
        assertEquals("some/prefix/config", k.key(FileHandle.config()));
        assertEquals("some/prefix/data/ab/" + ID, k.key(new FileHandle(FileType.PACK, ID)));
        assertEquals("some/prefix/keys/" + ID, k.key(new FileHandle(FileType.KEY, ID)));
        assertEquals("some/prefix/locks/" + ID, k.key(new FileHandle(FileType.LOCK, ID)));
        assertEquals("some/prefix/snapshots/" + ID, k.key(new FileHandle(FileType.SNAPSHOT, ID)));
        assertEquals("some/prefix/index/" + ID, k.key(new FileHandle(FileType.INDEX, ID)));
        assertEquals("some/prefix/data/", k.dir(FileType.PACK));
        ObjectKeys root = new ObjectKeys("");
        assertEquals("config", root.key(FileHandle.config()));
        assertEquals("data/ab/" + ID, root.key(new FileHandle(FileType.PACK, ID)));
        assertEquals("keys/", root.dir(FileType.KEY));
        assertEquals(ID, ObjectKeys.name("p/data/ab/" + ID));
        assertThrows(IllegalArgumentException.class, () -> new ObjectKeys("/lead"));
    }

    @Test
    void uploadsGetOneTimeoutPerStarted4MiBOnTopOfTheFirst() {
        java.time.Duration t = java.time.Duration.ofMinutes(2);
        assertEquals(t, S3Backend.uploadDeadline(t, 0));
        assertEquals(t.multipliedBy(2), S3Backend.uploadDeadline(t, 1));
        assertEquals(t.multipliedBy(2), S3Backend.uploadDeadline(t, 4 << 20));
        assertEquals(t.multipliedBy(5), S3Backend.uploadDeadline(t, 16 << 20));
        assertEquals(java.time.Duration.ofSeconds(3), S3Backend.uploadDeadline(java.time.Duration.ofSeconds(1), (4 << 20) + 1));
    }

    @Test
    void archiveStorageClassesOnlyOnPacks() {
        assertEquals("GLACIER", S3Backend.storageClassFor(FileType.PACK, "GLACIER"));
        assertNull(S3Backend.storageClassFor(FileType.INDEX, "GLACIER"));
        assertNull(S3Backend.storageClassFor(FileType.CONFIG, "DEEP_ARCHIVE"));
        assertEquals("STANDARD_IA", S3Backend.storageClassFor(FileType.SNAPSHOT, "STANDARD_IA"));
        assertNull(S3Backend.storageClassFor(FileType.PACK, null));
    }

    @Test
    void regionAndAddressing() throws Exception {
        RepositoryLocation.S3 aws = (RepositoryLocation.S3) RepositoryLocation.parse("s3:s3.amazonaws.com/b");
        RepositoryLocation.S3 awsRegional =
                (RepositoryLocation.S3) RepositoryLocation.parse("s3:s3.eu-central-1.amazonaws.com/b");
        RepositoryLocation.S3 minio = (RepositoryLocation.S3) RepositoryLocation.parse("s3:http://minio:9000/b");
        S3Options d = S3Options.DEFAULTS;
        assertEquals("us-east-1", S3ClientFactory.region(aws, d, Map.of()));
        assertEquals("eu-central-1", S3ClientFactory.region(awsRegional, d, Map.of()));
        assertEquals("us-east-1", S3ClientFactory.region(minio, d, Map.of()));
        assertEquals("ap-south-1", S3ClientFactory.region(minio, d, Map.of("AWS_DEFAULT_REGION", "ap-south-1")));
        assertEquals("x-1", S3ClientFactory.region(minio, S3Options.from(Map.of("s3.region", "x-1")),
                Map.of("AWS_DEFAULT_REGION", "ap-south-1")));

        assertFalse(S3ClientFactory.pathStyle(aws, d));
        assertTrue(S3ClientFactory.pathStyle(minio, d));
        assertTrue(S3ClientFactory.pathStyle(aws, S3Options.from(Map.of("s3.bucket-lookup", "path"))));
        assertFalse(S3ClientFactory.pathStyle(minio, S3Options.from(Map.of("s3.bucket-lookup", "dns"))));
    }
}
