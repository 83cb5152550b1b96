package dev.coffer.agent.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.backend.BackendException;
import dev.coffer.repo.backend.NotFoundException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ErrorsTest {

    private static BackendException map(int status, String code) {
        S3Exception e = (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("msg").build())
                .message("msg").build();
        return S3Errors.map("load data/ab", e);
    }

    @Test
    void notFoundAndMissingBucket() {
        assertInstanceOf(NotFoundException.class, map(404, "NoSuchKey"));
        assertInstanceOf(NotFoundException.class, map(404, null));
        BackendException bucket = map(404, "NoSuchBucket");
        assertEquals(BackendException.class, bucket.getClass());
        assertTrue(bucket.isPermanent());
        assertTrue(bucket.getMessage().contains("check the bucket name"), bucket.getMessage());
    }

    @Test
    void authAndClientErrorsArePermanent() {
        for (int status : new int[] {401, 403, 400, 301, 416}) {
            assertTrue(map(status, "X").isPermanent(), "" + status);
        }
        assertTrue(map(403, "AccessDenied").getMessage().contains("AWS_ACCESS_KEY_ID"));
    }

    @Test
    void serverErrorsThrottlingAndNetworkAreTransient() {
        for (int status : new int[] {500, 502, 503, 504, 429}) {
            assertFalse(map(status, "InternalError").isPermanent(), "" + status);
        }
        assertFalse(map(400, "RequestTimeout").isPermanent());
        assertFalse(map(503, "SlowDown").isPermanent());
        assertFalse(S3Errors.map("x", SdkClientException.create("connection reset")).isPermanent());
        assertFalse(S3Errors.map("x", ApiCallTimeoutException.create(1000)).isPermanent());
    }
}
