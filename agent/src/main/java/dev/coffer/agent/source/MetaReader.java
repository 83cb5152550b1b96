package dev.coffer.agent.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads file metadata without following symlinks, and resolves uid/gid to names once each.
 * Thread-safe.
 */
public final class MetaReader {
    private static final String UNIX_ATTRS = "unix:mode,ino,dev,rdev,nlink,uid,gid,size,lastModifiedTime,lastAccessTime,ctime";

    private final Map<Integer, String> users = new ConcurrentHashMap<>();
    private final Map<Integer, String> groups = new ConcurrentHashMap<>();

    /** lstat of {@code p}. */
    public FileMeta read(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, UNIX_ATTRS, LinkOption.NOFOLLOW_LINKS);
        return new FileMeta((Integer) a.get("mode"), (Long) a.get("ino"), (Long) a.get("dev"), (Long) a.get("rdev"),
                ((Integer) a.get("nlink")).longValue(), (Integer) a.get("uid"), (Integer) a.get("gid"),
                (Long) a.get("size"), (FileTime) a.get("lastModifiedTime"), (FileTime) a.get("lastAccessTime"),
                (FileTime) a.get("ctime"));
    }

    /** The user name of {@code uid}, looked up from {@code p}'s owner the first time; "" if unknown. */
    public String userName(Path p, int uid) {
        return users.computeIfAbsent(uid, u -> lookup(p, true, u));
    }

    /** The group name of {@code gid}; "" if unknown. */
    public String groupName(Path p, int gid) {
        return groups.computeIfAbsent(gid, g -> lookup(p, false, g));
    }

    private static String lookup(Path p, boolean user, int id) {
        try {
            PosixFileAttributeView v = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            String name = user ? v.getOwner().getName() : v.readAttributes().group().getName();
            return name.equals(Integer.toString(id)) ? "" : name;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
