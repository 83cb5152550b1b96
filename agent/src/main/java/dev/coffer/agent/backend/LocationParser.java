package dev.coffer.agent.backend;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** restic's repository-string rules, for {@link RepositoryLocation#parse}. */
final class LocationParser {
    /** Backends restic knows that this build does not: named in the error. */
    private static final Set<String> UNSUPPORTED =
            Set.of("sftp", "b2", "swift", "azure", "gs", "rclone", "smb", "ftp");
    /** "word:" at the start; one letter is a Windows drive, not a scheme. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

    private LocationParser() {
    }

    static RepositoryLocation parse(String spec) throws InvalidLocationException {
        if (spec == null || spec.isBlank()) {
            throw new InvalidLocationException("no repository given; use " + RepositoryLocation.SUPPORTED);
        }
        if (spec.startsWith("local:")) {
            String path = spec.substring("local:".length());
            if (path.isEmpty()) {
                throw new InvalidLocationException("local: needs a path, e.g. local:/srv/restic-repo");
            }
            return new RepositoryLocation.Local(path);
        }
        if (spec.startsWith("s3:")) {
            return parseS3(spec);
        }
        if (spec.startsWith("rest:")) {
            return parseRest(spec);
        }
        var m = SCHEME.matcher(spec);
        if (m.find()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            String why = UNSUPPORTED.contains(scheme)
                    ? "the " + scheme + ": backend is not supported by coffer"
                    : "unknown repository scheme " + scheme + ":";
            throw new InvalidLocationException(why + "; supported: " + RepositoryLocation.SUPPORTED
                    + " (write local:" + spec + " if you meant a path)");
        }
        return new RepositoryLocation.Local(spec);
    }

    private static RepositoryLocation.S3 parseS3(String spec) throws InvalidLocationException {
        String rest = spec.substring("s3:".length());
        String endpoint;
        boolean useHttp = false;
        String path;
        if (rest.startsWith("http://") || rest.startsWith("https://")) {
            URI uri;
            try {
                uri = new URI(rest);
            } catch (URISyntaxException e) {
                throw new InvalidLocationException("s3: bad URL " + rest + ": " + e.getMessage());
            }
            if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
                throw new InvalidLocationException("s3: URL has no host: " + rest);
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidLocationException(
                        "s3: credentials in the URL are not supported; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
            }
            endpoint = uri.getRawAuthority();
            useHttp = uri.getScheme().equals("http");
            path = uri.getPath() == null ? "" : uri.getPath();
            if (path.startsWith("/")) {
                path = path.substring(1);
            }
        } else {
            if (rest.startsWith("//")) {
                rest = rest.substring(2);
            }
            int slash = rest.indexOf('/');
            endpoint = slash < 0 ? rest : rest.substring(0, slash);
            path = slash < 0 ? "" : rest.substring(slash + 1);
        }
        if (endpoint.isEmpty()) {
            throw new InvalidLocationException("s3: no endpoint in " + spec + "; e.g. s3:s3.amazonaws.com/bucket");
        }
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        String prefix = slash < 0 ? "" : cleanPrefix(path.substring(slash + 1), spec);
        if (bucket.isEmpty()) {
            throw new InvalidLocationException("s3: no bucket name in " + spec
                    + "; e.g. s3:https://host/bucket/prefix");
        }
        RepositoryLocation.S3 location = new RepositoryLocation.S3(endpoint, useHttp, bucket, prefix);
        try {
            location.endpointUri();
        } catch (IllegalArgumentException e) {
            throw new InvalidLocationException("s3: bad endpoint '" + endpoint + "' in " + spec
                    + "; write host[:port], e.g. s3:s3.amazonaws.com/bucket");
        }
        return location;
    }

    /** Like Go's path.Clean, without the leading slash; "" for the bucket root. */
    private static String cleanPrefix(String prefix, String spec) throws InvalidLocationException {
        List<String> parts = new ArrayList<>();
        for (String p : prefix.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                throw new InvalidLocationException("s3: '..' is not allowed in the prefix of " + spec);
            }
            parts.add(p);
        }
        return String.join("/", parts);
    }

    private static RepositoryLocation.Rest parseRest(String spec) throws InvalidLocationException {
        String raw = spec.substring("rest:".length());
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new InvalidLocationException("rest: bad URL: " + e.getMessage().replace(raw, redact(raw)));
        }
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidLocationException("rest: needs an http:// or https:// URL, e.g. "
                    + "rest:https://user:pass@host:8000/repo/");
        }
        if (uri.getHost() == null) {
            throw new InvalidLocationException("rest: URL has no host: " + redact(raw));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidLocationException("rest: URL must not have a query or fragment: " + redact(raw));
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        String hostPort = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        URI clean = URI.create(scheme + "://" + hostPort + path);
        return new RepositoryLocation.Rest(clean, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The URL with any password replaced, for error messages: everything from the user's colon to
     * the last {@code @}, since a malformed URL's password may hold an unencoded {@code /} or {@code @}.
     */
    static String redact(String url) {
        return url.replaceFirst("//([^/@:]*):.*@", "//$1:***@");
    }
}
