package dev.coffer.repo.file;

import dev.coffer.repo.model.Id;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a tree, with every field of restic's node in Go struct order (format notes §7.2).
 * Unsigned Go integers are held in {@code long}s (uint64 values above 2^63 are negative here).
 *
 * <p>{@code name} is the raw file name; on disk it is {@code strconv.Quote}d. {@code linkTarget} is
 * what JSON {@code linktarget} says: bytes that are not valid UTF-8 are written as <code>&#92;ufffd</code>;
 * {@code linkTargetRaw}, when not {@code null}, holds the exact target (JSON {@code linktarget_raw},
 * restic 0.16+). Use {@link NodeBuilder#linkTarget} to set both from a real target, and
 * {@link #symlinkTarget()} to read the target to restore. A tree from restic before 0.16 that lost
 * a target's invalid bytes decodes each <code>&#92;ufffd</code> escape to a single 0xFF byte in
 * {@code linkTarget}, so that the tree re-encodes to its original bytes; {@link #symlinkTarget()}
 * still gives what restic restores (U+FFFD).
 *
 * <p>{@code genericAttributes} is the raw JSON object restic 0.17+ writes on Windows, kept verbatim
 * ({@code null} when absent). {@code content} is {@code null} for non-files and {@code []} for an
 * empty file. Empty strings and zero numbers are omitted on encoding where Go's {@code omitempty}
 * says so.
 */
public record Node(
        byte[] name,
        NodeType type,
        long mode,
        OffsetDateTime mtime,
        OffsetDateTime atime,
        OffsetDateTime ctime,
        long uid,
        long gid,
        String user,
        String group,
        long inode,
        long deviceId,
        long size,
        long links,
        byte[] linkTarget,
        byte[] linkTargetRaw,
        List<ExtendedAttribute> extendedAttributes,
        byte[] genericAttributes,
        long device,
        List<Id> content,
        Id subtree,
        String error) {

    private static final long UINT32_MAX = 0xffff_ffffL;

    /** Validates and copies; {@code null} strings, link target and attribute list become empty. */
    public Node {
        Objects.requireNonNull(name, "name");
        if (name.length == 0) {
            throw new IllegalArgumentException("node name must not be empty");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mtime, "mtime");
        Objects.requireNonNull(atime, "atime");
        Objects.requireNonNull(ctime, "ctime");
        checkUint32("mode", mode);
        checkUint32("uid", uid);
        checkUint32("gid", gid);
        name = name.clone();
        user = user == null ? "" : user;
        group = group == null ? "" : group;
        error = error == null ? "" : error;
        linkTarget = linkTarget == null ? new byte[0] : linkTarget.clone();
        linkTargetRaw = linkTargetRaw == null || linkTargetRaw.length == 0 ? null : linkTargetRaw.clone();
        extendedAttributes = extendedAttributes == null ? List.of() : List.copyOf(extendedAttributes);
        genericAttributes = genericAttributes == null ? null : genericAttributes.clone();
        content = content == null ? null : List.copyOf(content);
    }

    /** A builder for a node of the given name and type; see {@link NodeBuilder} for the defaults. */
    public static NodeBuilder builder(byte[] name, NodeType type) {
        return new NodeBuilder(name, type);
    }

    public static NodeBuilder builder(String name, NodeType type) {
        return new NodeBuilder(name.getBytes(StandardCharsets.UTF_8), type);
    }

    /** A builder holding all of this node's fields. */
    public NodeBuilder toBuilder() {
        return new NodeBuilder(this);
    }

    /** The symlink target to restore: {@code linkTargetRaw} if set, else {@code linkTarget} as Go decodes it. */
    public byte[] symlinkTarget() {
        return linkTargetRaw != null ? linkTargetRaw.clone() : Utf8.lossy(linkTarget).clone();
    }

    /** The name for messages: UTF-8 with invalid bytes replaced. */
    public String displayName() {
        return new String(name, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] name() {
        return name.clone();
    }

    @Override
    public byte[] linkTarget() {
        return linkTarget.clone();
    }

    @Override
    public byte[] linkTargetRaw() {
        return linkTargetRaw == null ? null : linkTargetRaw.clone();
    }

    @Override
    public byte[] genericAttributes() {
        return genericAttributes == null ? null : genericAttributes.clone();
    }

    /** The name without a copy; callers in this package must not modify it. */
    byte[] nameRef() {
        return name;
    }

    byte[] linkTargetRef() {
        return linkTarget;
    }

    byte[] linkTargetRawRef() {
        return linkTargetRaw;
    }

    byte[] genericAttributesRef() {
        return genericAttributes;
    }

    private static void checkUint32(String field, long v) {
        if (v < 0 || v > UINT32_MAX) {
            throw new IllegalArgumentException(field + " is not a uint32: " + v);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node n
                && Arrays.equals(name, n.name) && type == n.type && mode == n.mode
                && mtime.equals(n.mtime) && atime.equals(n.atime) && ctime.equals(n.ctime)
                && uid == n.uid && gid == n.gid && user.equals(n.user) && group.equals(n.group)
                && inode == n.inode && deviceId == n.deviceId && size == n.size && links == n.links
                && Arrays.equals(linkTarget, n.linkTarget) && Arrays.equals(linkTargetRaw, n.linkTargetRaw)
                && extendedAttributes.equals(n.extendedAttributes)
                && Arrays.equals(genericAttributes, n.genericAttributes)
                && device == n.device && Objects.equals(content, n.content)
                && Objects.equals(subtree, n.subtree) && error.equals(n.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(name), type, mode, mtime, size, inode, content, subtree);
    }

    @Override
    public String toString() {
        return "Node[" + GoQuote.quote(name) + " " + type.jsonName() + " mode=" + mode + " size=" + size
                + " mtime=" + mtime + (subtree != null ? " subtree=" + subtree.shortHex() : "")
                + (content != null ? " content=" + content.size() + " blobs" : "") + "]";
    }
}
