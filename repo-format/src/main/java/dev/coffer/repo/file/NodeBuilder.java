package dev.coffer.repo.file;

import dev.coffer.repo.model.Id;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Builds a {@link Node}. Defaults: times {@link GoTime#ZERO}, numbers 0, strings empty, no link
 * target, no attributes; {@code content} is {@code []} for a {@link NodeType#FILE} and {@code null}
 * otherwise. Not thread-safe.
 */
public final class NodeBuilder {
    private final byte[] name;
    private final NodeType type;
    private long mode;
    private OffsetDateTime mtime = GoTime.ZERO;
    private OffsetDateTime atime = GoTime.ZERO;
    private OffsetDateTime ctime = GoTime.ZERO;
    private long uid;
    private long gid;
    private String user = "";
    private String group = "";
    private long inode;
    private long deviceId;
    private long size;
    private long links;
    private byte[] linkTarget;
    private byte[] linkTargetRaw;
    private List<ExtendedAttribute> extendedAttributes = List.of();
    private byte[] genericAttributes;
    private long device;
    private List<Id> content;
    private Id subtree;
    private String error = "";

    NodeBuilder(byte[] name, NodeType type) {
        this.name = name;
        this.type = type;
        this.content = type == NodeType.FILE ? List.of() : null;
    }

    NodeBuilder(Node n) {
        this(n.nameRef(), n.type());
        mode = n.mode();
        mtime = n.mtime();
        atime = n.atime();
        ctime = n.ctime();
        uid = n.uid();
        gid = n.gid();
        user = n.user();
        group = n.group();
        inode = n.inode();
        deviceId = n.deviceId();
        size = n.size();
        links = n.links();
        linkTarget = n.linkTargetRef();
        linkTargetRaw = n.linkTargetRawRef();
        extendedAttributes = n.extendedAttributes();
        genericAttributes = n.genericAttributesRef();
        device = n.device();
        content = n.content();
        subtree = n.subtree();
        error = n.error();
    }

    /** Go {@code FileMode} bits (see {@link GoFileMode#fromUnix}). */
    public NodeBuilder mode(long mode) {
        this.mode = mode;
        return this;
    }

    /** Sets mtime, atime and ctime. */
    public NodeBuilder times(OffsetDateTime mtime, OffsetDateTime atime, OffsetDateTime ctime) {
        this.mtime = mtime;
        this.atime = atime;
        this.ctime = ctime;
        return this;
    }

    public NodeBuilder owner(long uid, long gid, String user, String group) {
        this.uid = uid;
        this.gid = gid;
        this.user = user;
        this.group = group;
        return this;
    }

    public NodeBuilder inode(long inode) {
        this.inode = inode;
        return this;
    }

    public NodeBuilder deviceId(long deviceId) {
        this.deviceId = deviceId;
        return this;
    }

    public NodeBuilder size(long size) {
        this.size = size;
        return this;
    }

    public NodeBuilder links(long links) {
        this.links = links;
        return this;
    }

    /** A symlink's real target; also sets {@code linkTargetRaw} when it is not valid UTF-8 (restic 0.16+). */
    public NodeBuilder linkTarget(byte[] target) {
        this.linkTarget = target;
        this.linkTargetRaw = target == null || Utf8.isValid(target) ? null : target;
        return this;
    }

    /** Both JSON link-target fields exactly as given (for rewriting decoded nodes). */
    public NodeBuilder linkTargetFields(byte[] linkTarget, byte[] linkTargetRaw) {
        this.linkTarget = linkTarget;
        this.linkTargetRaw = linkTargetRaw;
        return this;
    }

    public NodeBuilder extendedAttributes(List<ExtendedAttribute> attributes) {
        this.extendedAttributes = attributes;
        return this;
    }

    /** The raw JSON object for {@code generic_attributes}, or {@code null}. */
    public NodeBuilder genericAttributes(byte[] json) {
        this.genericAttributes = json;
        return this;
    }

    /** {@code st_rdev} of a device node. */
    public NodeBuilder device(long device) {
        this.device = device;
        return this;
    }

    /** Data blob ids in file order; {@code null} for non-files. */
    public NodeBuilder content(List<Id> content) {
        this.content = content;
        return this;
    }

    public NodeBuilder subtree(Id subtree) {
        this.subtree = subtree;
        return this;
    }

    public NodeBuilder error(String error) {
        this.error = error;
        return this;
    }

    public Node build() {
        return new Node(name, type, mode, mtime, atime, ctime, uid, gid, user, group, inode, deviceId, size, links,
                linkTarget, linkTargetRaw, extendedAttributes, genericAttributes, device, content, subtree, error);
    }
}
