package dev.coffer.agent.backend.s3;

import dev.coffer.agent.backend.TlsFailures;
import dev.coffer.repo.backend.BackendException;
import dev.coffer.repo.backend.ConnectFailures;
import dev.coffer.repo.backend.NotFoundException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps SDK failures: 404 is {@link NotFoundException} (a missing bucket is a plain permanent
 * error), 401/403 and other client errors are permanent, 5xx, 429, request timeouts and network
 * failures are transient; a failure to connect says which address to check; an untrusted server
 * certificate is permanent and says how to trust a private CA.
 */
final class S3Errors {
    private S3Errors() {
    }

    static BackendException map(String what, SdkException e) {
        if (e instanceof AwsServiceException ase) {
            int status = ase.statusCode();
            String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
            String detail = what + ": HTTP " + status + (code == null ? "" : " " + code)
                    + (ase.awsErrorDetails() == null || ase.awsErrorDetails().errorMessage() == null ? ""
                    : " (" + ase.awsErrorDetails().errorMessage() + ")");
            if ("NoSuchBucket".equals(code)) {
                return new BackendException(detail + "; check the bucket name in the repository string, "
                        + "or create the bucket with 'coffer init'", true, e);
            }
            if (status == 404) {
                return notFound(detail, e);
            }
            if (status == 401 || status == 403) {
                return new BackendException(detail + "; check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY "
                        + "and the bucket's permissions", true, e);
            }
            if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
                return new BackendException(detail + "; the bucket is in another region: set "
                        + "AWS_DEFAULT_REGION or -o s3.region=...", true, e);
            }
            boolean transientStatus = status >= 500 || status == 429 || status == 408
                    || "RequestTimeout".equals(code) || "SlowDown".equals(code) || ase.isThrottlingException();
            return new BackendException(detail, !transientStatus, e);
        }
        Throwable untrusted = TlsFailures.find(e);
        if (untrusted != null) {
            return new BackendException(TlsFailures.message(what, untrusted), true, e);
        }
        Throwable unreachable = ConnectFailures.find(e);
        if (unreachable != null) {
            return new BackendException(ConnectFailures.message(what, unreachable), false, e);
        }
        return new BackendException(what + ": " + e.getMessage(), false, e);
    }

    private static NotFoundException notFound(String message, Throwable cause) {
        NotFoundException nf = new NotFoundException(message);
        nf.initCause(cause);
        return nf;
    }
}
