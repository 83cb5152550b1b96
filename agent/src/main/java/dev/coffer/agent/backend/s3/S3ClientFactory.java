package dev.coffer.agent.backend.s3;

import dev.coffer.agent.backend.CaCertificates;
import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.agent.backend.TimeoutOption;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the SDK client for a location: credentials from the environment (or the SDK's default
 * chain), the region, path or virtual-host addressing, no SDK-level retries (the
 * {@link dev.coffer.repo.backend.RetryingBackend} decorator retries), and no aws-chunked
 * trailing checksums (uploads carry Content-MD5 instead, which every S3 clone understands).
 */
final class S3ClientFactory {
    static final String DEFAULT_REGION = "us-east-1";
    private static final Pattern AWS_REGION_HOST =
            Pattern.compile("^s3[.-](?:dualstack\\.)?([a-z]{2}(?:-[a-z]+)+-\\d)\\.amazonaws\\.com(?::\\d+)?$");

    private S3ClientFactory() {
    }

    static S3Client build(RepositoryLocation.S3 loc, S3Options opts, Map<String, String> env) throws IOException {
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
                .connectionTimeout(TimeoutOption.connectTimeout(opts.timeout()))
                .socketTimeout(opts.timeout());
        if (opts.caCert() != null) {
            TrustManager[] tms = {CaCertificates.trustManager(opts.caCert())};
            http.tlsTrustManagersProvider(() -> tms);
        }
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(http)
                .credentialsProvider(credentials(env))
                .region(Region.of(region(loc, opts, env)))
                .forcePathStyle(pathStyle(loc, opts))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (loc.isAws() && !loc.useHttp()) {
            b.crossRegionAccessEnabled(true);
        } else {
            b.endpointOverride(loc.endpointUri());
        }
        return b.build();
    }

    static boolean pathStyle(RepositoryLocation.S3 loc, S3Options opts) {
        return switch (opts.bucketLookup()) {
            case PATH -> true;
            case DNS -> false;
            case AUTO -> !loc.isAws();
        };
    }

    /** -o s3.region, then AWS_DEFAULT_REGION, AWS_REGION, the endpoint's name, and us-east-1. */
    static String region(RepositoryLocation.S3 loc, S3Options opts, Map<String, String> env) {
        if (opts.region() != null) {
            return opts.region();
        }
        for (String var : new String[] {"AWS_DEFAULT_REGION", "AWS_REGION"}) {
            String r = env.get(var);
            if (r != null && !r.isBlank()) {
                return r.trim();
            }
        }
        Matcher m = AWS_REGION_HOST.matcher(loc.endpoint());
        return m.matches() ? m.group(1) : DEFAULT_REGION;
    }

    static AwsCredentialsProvider credentials(Map<String, String> env) {
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        String token = env.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(token == null || token.isBlank()
                ? AwsBasicCredentials.create(id, secret)
                : AwsSessionCredentials.create(id, secret, token));
    }
}
