package dev.coffer.agent.backend.s3;

import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.BackendException;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.FileInfo;
import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A repository in an S3 bucket, laid out as restic does. Thread-safe. The SDK does not retry;
 * wrap this in a {@link dev.coffer.repo.backend.RetryingBackend} and limit concurrency to
 * {@link #connections()} with a {@link dev.coffer.repo.backend.LimitedBackend}.
 */
public final class S3Backend implements Backend {
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final long UPLOAD_SLICE = 4L << 20;

    private final S3Client client;
    private final RepositoryLocation.S3 loc;
    private final S3Options options;
    private final ObjectKeys keys;
    private final String region;
    private final int listPageSize;

    S3Backend(S3Client client, RepositoryLocation.S3 loc, S3Options options, String region) {
        this(client, loc, options, region, 1000);
    }

    /** With a small {@code listPageSize}, tests see listings span several pages. */
    S3Backend(S3Client client, RepositoryLocation.S3 loc, S3Options options, String region, int listPageSize) {
        this.client = Objects.requireNonNull(client, "client");
        this.loc = Objects.requireNonNull(loc, "loc");
        this.options = Objects.requireNonNull(options, "options");
        this.keys = new ObjectKeys(loc.prefix());
        this.region = Objects.requireNonNull(region, "region");
        this.listPageSize = listPageSize;
    }

    /**
     * Opens (without any request) the bucket named by {@code loc}.
     *
     * @param options the extended options, see {@link S3Options#from}
     * @param env the process environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
     *     AWS_SESSION_TOKEN, AWS_DEFAULT_REGION), usually {@code System.getenv()}
     */
    public static S3Backend open(RepositoryLocation.S3 loc, Map<String, String> options, Map<String, String> env)
            throws IOException {
        S3Options opts = S3Options.from(options);
        return new S3Backend(S3ClientFactory.build(loc, opts, env), loc, opts,
                S3ClientFactory.region(loc, opts, env));
    }

    /** The SDK client, for tests that put objects beside the repository. */
    S3Client client() {
        return client;
    }

    /** How many requests may run at once ({@code s3.connections}, default 5). */
    public int connections() {
        return options.connections();
    }

    @Override
    public String location() {
        return loc.location();
    }

    @Override
    public void save(FileHandle handle, byte[] data, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, data.length);
        String key = keys.key(handle);
        PutObjectRequest.Builder req = PutObjectRequest.builder()
                .bucket(loc.bucket())
                .key(key)
                .contentType(OCTET_STREAM)
                .contentLength((long) len)
                .contentMD5(md5Base64(data, off, len));
        if (options.sse() != null) {
            req.serverSideEncryption(options.sse());
            if (options.sseKmsKeyId() != null) {
                req.ssekmsKeyId(options.sseKmsKeyId());
            }
        }
        String storageClass = storageClassFor(handle.type(), options.storageClass());
        if (storageClass != null) {
            req.storageClass(storageClass);
        }
        Duration deadline = uploadDeadline(options.timeout(), len);
        req.overrideConfiguration(o -> o.apiCallAttemptTimeout(deadline));
        try {
            client.putObject(req.build(), RequestBody.fromContentProvider(
                    () -> new ByteArrayInputStream(data, off, len), len, OCTET_STREAM));
        } catch (SdkException e) {
            throw S3Errors.map("save " + key, e);
        }
    }

    /**
     * How long one upload attempt may take: the timeout, plus one more for every started 4 MiB.
     * Blocking socket writes have no timeout of their own, so without this deadline an upload to a
     * server that stopped reading hangs forever. With the default two minutes an upload slower
     * than about 34 KiB/s is abandoned and retried.
     */
    static Duration uploadDeadline(Duration timeout, long len) {
        return timeout.multipliedBy(1 + (len + UPLOAD_SLICE - 1) / UPLOAD_SLICE);
    }

    /** Archive classes go on packs only (metadata must stay readable); others on every file. */
    static String storageClassFor(FileType type, String storageClass) {
        if (storageClass == null) {
            return null;
        }
        boolean archive = storageClass.equals("GLACIER") || storageClass.equals("DEEP_ARCHIVE");
        return archive && type != FileType.PACK ? null : storageClass;
    }

    private static String md5Base64(byte[] data, int off, int len) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(data, off, len);
            return Base64.getEncoder().encodeToString(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from this JVM", e);
        }
    }

    @Override
    public byte[] load(FileHandle handle, long offset, int length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("bad range " + offset + "+" + length + " for " + handle);
        }
        String key = keys.key(handle);
        GetObjectRequest.Builder req = GetObjectRequest.builder().bucket(loc.bucket()).key(key);
        if (offset != 0 || length != 0) {
            req.range("bytes=" + offset + "-" + (length == 0 ? "" : Long.toString(offset + length - 1)));
        }
        try {
            return client.getObject(req.build(), (ResponseTransformer<GetObjectResponse, byte[]>) S3Backend::readBody);
        } catch (SdkException e) {
            throw S3Errors.map("load " + key, e);
        }
    }

    /** Reads the body into an array of exactly its length, without intermediate buffers. */
    private static byte[] readBody(GetObjectResponse response, InputStream in) throws IOException {
        Long n = response.contentLength();
        if (n == null) {
            return in.readAllBytes();
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new BackendException("object too large to load at once: " + n + " bytes", true);
        }
        byte[] out = new byte[n.intValue()];
        int got = in.readNBytes(out, 0, out.length);
        if (got != out.length) {
            throw new BackendException("short read: got " + got + " of " + n + " bytes", false);
        }
        return out;
    }

    @Override
    public FileInfo stat(FileHandle handle) throws IOException {
        String key = keys.key(handle);
        try {
            long size = client.headObject(b -> b.bucket(loc.bucket()).key(key)).contentLength();
            return new FileInfo(handle.name(), size);
        } catch (SdkException e) {
            throw S3Errors.map("stat " + key, e);
        }
    }

    @Override
    public void list(FileType type, Consumer<FileInfo> consumer) throws IOException {
        if (type == FileType.CONFIG) {
            try {
                consumer.accept(stat(FileHandle.config()));
            } catch (NotFoundException e) {
                // no config, nothing to list
            }
            return;
        }
        String dir = keys.dir(type);
        ListObjectsV2Request.Builder req = ListObjectsV2Request.builder().bucket(loc.bucket()).prefix(dir)
                .maxKeys(listPageSize);
        if (type != FileType.PACK) {
            req.delimiter("/");
        }
        try {
            for (S3Object o : client.listObjectsV2Paginator(req.build()).contents()) {
                String name = ObjectKeys.name(o.key());
                if (Id.isId(name)) {
                    consumer.accept(new FileInfo(name, o.size()));
                }
            }
        } catch (SdkException e) {
            throw S3Errors.map("list " + dir, e);
        }
    }

    @Override
    public void remove(FileHandle handle) throws IOException {
        String key = keys.key(handle);
        try {
            client.deleteObject(b -> b.bucket(loc.bucket()).key(key));
        } catch (SdkException e) {
            BackendException mapped = S3Errors.map("remove " + key, e);
            if (!(mapped instanceof NotFoundException)) {
                throw mapped;
            }
        }
    }

    /** Checks that the bucket exists and creates it if not, as restic init does. */
    @Override
    public void create() throws IOException {
        try {
            client.headBucket(b -> b.bucket(loc.bucket()));
            return;
        } catch (SdkException e) {
            BackendException mapped = S3Errors.map("check bucket " + loc.bucket(), e);
            if (!(mapped instanceof NotFoundException) && !mapped.getMessage().contains("NoSuchBucket")) {
                throw mapped;
            }
        }
        CreateBucketRequest.Builder req = CreateBucketRequest.builder().bucket(loc.bucket());
        if (loc.isAws() && !region.equals(S3ClientFactory.DEFAULT_REGION)) {
            req.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
        }
        try {
            client.createBucket(req.build());
        } catch (SdkException e) {
            throw S3Errors.map("create bucket " + loc.bucket(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
