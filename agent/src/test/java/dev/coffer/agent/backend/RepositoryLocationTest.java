package dev.coffer.agent.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RepositoryLocationTest {

    private static RepositoryLocation.S3 s3(String spec) throws Exception {
        return (RepositoryLocation.S3) RepositoryLocation.parse(spec);
    }

    private static RepositoryLocation.Rest rest(String spec) throws Exception {
        return (RepositoryLocation.Rest) RepositoryLocation.parse(spec);
    }

    @Test
    void localForms() throws Exception {
        assertEquals(new RepositoryLocation.Local("/srv/repo"), RepositoryLocation.parse("local:/srv/repo"));
        assertEquals(new RepositoryLocation.Local("/srv/repo"), RepositoryLocation.parse("/srv/repo"));
        assertEquals(new RepositoryLocation.Local("relative/dir"), RepositoryLocation.parse("relative/dir"));
        assertEquals(new RepositoryLocation.Local("C:\\backup"), RepositoryLocation.parse("C:\\backup"));
        assertEquals(new RepositoryLocation.Local("x:y"), RepositoryLocation.parse("local:x:y"));
        assertEquals("local:/srv/repo", RepositoryLocation.parse("/srv/repo").location());
    }

    @Test
    void s3WithHttpsUrl() throws Exception {
        assertEquals(new RepositoryLocation.S3("minio.example:9000", false, "bucket", "a/b"),
                s3("s3:https://minio.example:9000/bucket/a/b"));
        assertEquals(new RepositoryLocation.S3("127.0.0.1:9000", true, "bucket", ""),
                s3("s3:http://127.0.0.1:9000/bucket"));
        assertEquals(new RepositoryLocation.S3("127.0.0.1:9000", true, "bucket", "p"),
                s3("s3:http://127.0.0.1:9000/bucket/p/"));
    }

    @Test
    void s3WithoutSchemeIsHttps() throws Exception {
        RepositoryLocation.S3 loc = s3("s3:s3.amazonaws.com/my-bucket");
        assertEquals(new RepositoryLocation.S3("s3.amazonaws.com", false, "my-bucket", ""), loc);
        assertTrue(loc.isAws());
        assertEquals(URI.create("https://s3.amazonaws.com"), loc.endpointUri());
        assertEquals("s3:https://s3.amazonaws.com/my-bucket", loc.location());

        RepositoryLocation.S3 other = s3("s3:host.example/bucket/some//deep/./prefix/");
        assertEquals(new RepositoryLocation.S3("host.example", false, "bucket", "some/deep/prefix"), other);
        assertFalse(other.isAws());
        assertEquals(new RepositoryLocation.S3("host", false, "bkt", "pre"), s3("s3://host/bkt/pre"));
    }

    @Test
    void s3NeedsABucket() {
        InvalidLocationException e = assertThrows(InvalidLocationException.class,
                () -> RepositoryLocation.parse("s3:https://host:9000/"));
        assertTrue(e.getMessage().contains("bucket"), e.getMessage());
        assertThrows(InvalidLocationException.class, () -> RepositoryLocation.parse("s3:host"));
        assertThrows(InvalidLocationException.class, () -> RepositoryLocation.parse("s3:"));
        assertThrows(InvalidLocationException.class, () -> RepositoryLocation.parse("s3:host/b/../x"));
    }

    @Test
    void restPlain() throws Exception {
        RepositoryLocation.Rest loc = rest("rest:http://127.0.0.1:8000/");
        assertEquals(URI.create("http://127.0.0.1:8000/"), loc.url());
        assertFalse(loc.hasCredentials());
        assertEquals("rest:http://127.0.0.1:8000/", loc.location());
        assertEquals(URI.create("https://host:8000/repo/"), rest("rest:https://host:8000/repo").url());
        assertEquals(URI.create("http://host/"), rest("rest:http://host").url());
    }

    @Test
    void restCredentialsAreKeptApartAndNeverPrinted() throws Exception {
        RepositoryLocation.Rest loc = rest("rest:https://alice:s3cr%40t@host:8000/alice/repo/");
        assertEquals("alice", loc.user());
        assertEquals("s3cr@t", loc.password());
        assertEquals(URI.create("https://host:8000/alice/repo/"), loc.url());
        assertEquals("rest:https://alice:***@host:8000/alice/repo/", loc.location());
        assertEquals(loc.location(), loc.toString());
        assertFalse(loc.toString().contains("s3cr"));
        assertEquals("rest:http://bob@h:1/", rest("rest:http://bob@h:1/").location());
    }

    @Test
    void restNeedsHttp() {
        assertThrows(InvalidLocationException.class, () -> RepositoryLocation.parse("rest:ftp://host/"));
        assertThrows(InvalidLocationException.class, () -> RepositoryLocation.parse("rest:host:8000/"));
        InvalidLocationException e = assertThrows(InvalidLocationException.class,
                () -> RepositoryLocation.parse("rest:http://u:topsecret@host/x?y=1"));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
    }

    @Test
    void unsupportedSchemesSayWhatIsSupported() {
        for (String spec : new String[] {"sftp:user@host:/srv/repo", "b2:bucket:path", "azure:c:/", "gs:b:/",
                "swift:c:/p", "rclone:remote:path", "webdav://x/y"}) {
            InvalidLocationException e =
                    assertThrows(InvalidLocationException.class, () -> RepositoryLocation.parse(spec), spec);
            assertTrue(e.getMessage().contains("s3:") && e.getMessage().contains("rest:")
                    && e.getMessage().contains("local:"), e.getMessage());
        }
        InvalidLocationException e = assertThrows(InvalidLocationException.class,
                () -> RepositoryLocation.parse("sftp:host:/r"));
        assertTrue(e.getMessage().contains("sftp: backend is not supported"), e.getMessage());
        assertThrows(InvalidLocationException.class, () -> RepositoryLocation.parse(""));
        assertThrows(InvalidLocationException.class, () -> RepositoryLocation.parse("local:"));
    }
}
