package dev.coffer.agent.backend.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backend.InvalidOptionException;
import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.repo.backend.BackendException;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.FileInfo;
import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST protocol details of §13.1, against a scripted server. */
class RestProtocolTest {
    private FakeRestServer server;
    private RestBackend backend;

    @BeforeEach
    void start() throws Exception {
        server = new FakeRestServer();
        backend = RestBackend.open((RepositoryLocation.Rest) RepositoryLocation.parse("rest:" + server.url()),
                Map.of());
    }

    @AfterEach
    void stop() {
        backend.close();
        server.close();
    }

    private static FileHandle pack(byte[] d) {
        return FileHandle.of(FileType.PACK, Id.hash(d));
    }

    @Test
    void urlsHaveNoShardingAndCreatePostsToTheRoot() throws Exception {
        backend.create();
        byte[] d = {1, 2, 3};
        backend.save(pack(d), d);
        backend.save(FileHandle.config(), d);
        assertEquals(List.of("POST ?create=true", "POST data/" + pack(d).name(), "POST config"), server.requests);
        assertEquals(RestHttp.V2, server.headers.get(0).get("Accept").get(0));
    }

    @Test
    void saveSendsAnExplicitContentLength() throws Exception {
        byte[] d = new byte[1000];
        backend.save(pack(d), d);
        assertEquals("1000", server.headers.get(0).get("Content-length").get(0));
        assertEquals(null, server.headers.get(0).get("Transfer-encoding"));
    }

    @Test
    void existingIdenticalFileCountsAsSaved() throws Exception {
        byte[] d = {5, 6, 7};
        backend.save(pack(d), d);
        backend.save(pack(d), d);
        assertEquals(List.of("POST data/" + pack(d).name(), "POST data/" + pack(d).name(),
                "HEAD data/" + pack(d).name()), server.requests);
    }

    @Test
    void existingDifferentFileIsAPermanentError() throws Exception {
        backend.save(FileHandle.config(), new byte[] {1, 2});
        BackendException e = assertThrows(BackendException.class,
                () -> backend.save(FileHandle.config(), new byte[] {1, 2, 3}));
        assertTrue(e.isPermanent());
        assertTrue(e.getMessage().contains("403"), e.getMessage());
    }

    @Test
    void v1ListingsAreCompletedWithHeadRequests() throws Exception {
        server.v1Listing = true;
        byte[] a = {1};
        byte[] b = {2, 2};
        backend.save(pack(a), a);
        backend.save(pack(b), b);
        server.files.put("data/not-an-id.tmp", new byte[3]);
        List<FileInfo> listed = new ArrayList<>();
        backend.list(FileType.PACK, listed::add);
        listed.sort((x, y) -> Long.compare(x.size(), y.size()));
        assertEquals(List.of(new FileInfo(pack(a).name(), 1), new FileInfo(pack(b).name(), 2)), listed);
    }

    @Test
    void aServerThatIgnoresRangeStillGivesTheRange() throws Exception {
        server.ignoreRange = true;
        byte[] d = new byte[100];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) i;
        }
        backend.save(pack(d), d);
        assertArrayEquals(Arrays.copyOfRange(d, 10, 15), backend.load(pack(d), 10, 5));
        assertArrayEquals(Arrays.copyOfRange(d, 95, 100), backend.load(pack(d), 95, 0));
        assertEquals("bytes=10-14", server.headers.get(1).get("Range").get(0));
    }

    @Test
    void statusCodesMapToPermanentOrTransient() {
        FileHandle h = FileHandle.config();
        for (int code : new int[] {401, 403, 416, 507, 400, 501}) {
            server.forcedStatus = code;
            BackendException e = assertThrows(BackendException.class, () -> backend.load(h), "" + code);
            assertTrue(e.isPermanent(), code + " should be permanent");
        }
        for (int code : new int[] {500, 502, 503, 504, 429, 408}) {
            server.forcedStatus = code;
            BackendException e = assertThrows(BackendException.class, () -> backend.stat(h), "" + code);
            assertFalse(e.isPermanent(), code + " should be transient");
        }
        server.forcedStatus = 404;
        assertThrows(NotFoundException.class, () -> backend.load(h));
    }

    @Test
    void a404ListingFromRestServerIsEmpty() throws Exception {
        server.forcedStatus = 404;
        List<FileInfo> listed = new ArrayList<>();
        backend.list(FileType.LOCK, listed::add);
        assertEquals(List.of(), listed);
    }

    @Test
    void connectionRefusedIsTransient() throws Exception {
        String url = server.url();
        server.close();
        try (RestBackend b = RestBackend.open((RepositoryLocation.Rest) RepositoryLocation.parse("rest:" + url),
                Map.of())) {
            BackendException e = assertThrows(BackendException.class, () -> b.stat(FileHandle.config()));
            assertFalse(e.isPermanent());
        }
    }

    @Test
    void options() throws Exception {
        assertEquals(RestOptions.DEFAULTS, RestOptions.from(Map.of("s3.region", "x")));
        assertEquals(12, RestOptions.from(Map.of("rest.connections", "12")).connections());
        assertThrows(InvalidOptionException.class, () -> RestOptions.from(Map.of("rest.connections", "0")));
        assertThrows(InvalidOptionException.class, () -> RestOptions.from(Map.of("rest.bogus", "1")));
        assertEquals(java.time.Duration.ofMillis(1500), RestOptions.from(Map.of("rest.timeout", "1s500ms")).timeout());
        assertEquals(java.time.Duration.ofMinutes(2), RestOptions.DEFAULTS.timeout());
        assertThrows(InvalidOptionException.class, () -> RestOptions.from(Map.of("rest.timeout", "soon")));
        assertEquals(5, backend.connections());
    }
}
