package dev.coffer.repo.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One node to and from JSON, field order and omitempty as restic's Go struct (§7.2). */
final class NodeCodec {
    private NodeCodec() {
    }

    static void write(Node n, GoJsonWriter w) {
        w.beginObject();
        byte[] name = n.nameRef();
        w.name("name");
        if (GoQuote.isPlainAscii(name)) {
            w.value(name);
        } else {
            w.value(GoQuote.quote(name));
        }
        w.name("type").value(n.type().jsonName());
        if (n.mode() != 0) {
            w.name("mode").value(n.mode());
        }
        w.name("mtime").value(n.mtime());
        w.name("atime").value(n.atime());
        w.name("ctime").value(n.ctime());
        w.name("uid").value(n.uid());
        w.name("gid").value(n.gid());
        if (!n.user().isEmpty()) {
            w.name("user").value(n.user());
        }
        if (!n.group().isEmpty()) {
            w.name("group").value(n.group());
        }
        unsignedOmitEmpty(w, "inode", n.inode());
        unsignedOmitEmpty(w, "device_id", n.deviceId());
        unsignedOmitEmpty(w, "size", n.size());
        unsignedOmitEmpty(w, "links", n.links());
        if (n.linkTargetRef().length != 0) {
            w.name("linktarget").value(n.linkTargetRef());
        }
        if (n.linkTargetRawRef() != null) {
            w.name("linktarget_raw").base64(n.linkTargetRawRef());
        }
        if (!n.extendedAttributes().isEmpty()) {
            w.name("extended_attributes").beginArray();
            for (ExtendedAttribute a : n.extendedAttributes()) {
                w.beginObject().name("name").value(a.nameRef()).name("value").base64(a.valueRef()).endObject();
            }
            w.endArray();
        }
        if (n.genericAttributesRef() != null) {
            w.name("generic_attributes").rawValue(n.genericAttributesRef());
        }
        unsignedOmitEmpty(w, "device", n.device());
        w.name("content");
        if (n.content() == null) {
            w.nullValue();
        } else {
            w.beginArray();
            for (Id id : n.content()) {
                w.value(id);
            }
            w.endArray();
        }
        if (n.subtree() != null) {
            w.name("subtree").value(n.subtree());
        }
        if (!n.error().isEmpty()) {
            w.name("error").value(n.error());
        }
        w.endObject();
    }

    private static void unsignedOmitEmpty(GoJsonWriter w, String name, long v) {
        if (v != 0) {
            w.name(name).valueUnsigned(v);
        }
    }

    /** Reads the node object at the parser's current START_OBJECT; {@code input} is the whole document. */
    static Node read(JsonParser p, byte[] input) throws IOException {
        JsonRead.expect(p, JsonToken.START_OBJECT, "node");
        byte[] name = null;
        NodeType type = null;
        long mode = 0;
        OffsetDateTime mtime = GoTime.ZERO;
        OffsetDateTime atime = GoTime.ZERO;
        OffsetDateTime ctime = GoTime.ZERO;
        long uid = 0;
        long gid = 0;
        String user = "";
        String group = "";
        long inode = 0;
        long deviceId = 0;
        long size = 0;
        long links = 0;
        byte[] linkTarget = null;
        byte[] linkTargetRaw = null;
        List<ExtendedAttribute> xattrs = null;
        byte[] generic = null;
        long device = 0;
        List<Id> content = null;
        Id subtree = null;
        String error = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "name" -> name = unquoteName(JsonRead.text(p, f));
                case "type" -> type = nodeType(JsonRead.text(p, f));
                case "mode" -> mode = JsonRead.unsigned(p, f, JsonRead.UINT32_MAX);
                case "mtime" -> mtime = JsonRead.time(p, f);
                case "atime" -> atime = JsonRead.time(p, f);
                case "ctime" -> ctime = JsonRead.time(p, f);
                case "uid" -> uid = JsonRead.unsigned(p, f, JsonRead.UINT32_MAX);
                case "gid" -> gid = JsonRead.unsigned(p, f, JsonRead.UINT32_MAX);
                case "user" -> user = JsonRead.textOrEmpty(p, f);
                case "group" -> group = JsonRead.textOrEmpty(p, f);
                case "inode" -> inode = JsonRead.unsigned(p, f, -1);
                case "device_id" -> deviceId = JsonRead.unsigned(p, f, -1);
                case "size" -> size = JsonRead.unsigned(p, f, -1);
                case "links" -> links = JsonRead.unsigned(p, f, -1);
                case "linktarget" -> linkTarget = JsonRead.goStringBytes(p, input, f);
                case "linktarget_raw" -> linkTargetRaw = JsonRead.base64(p, f);
                case "extended_attributes" -> xattrs = readXattrs(p, input);
                case "generic_attributes" -> generic = rawObject(p, input);
                case "device" -> device = JsonRead.unsigned(p, f, -1);
                case "content" -> content = readIds(p, f);
                case "subtree" -> subtree = JsonRead.id(p, f);
                case "error" -> error = JsonRead.textOrEmpty(p, f);
                default -> p.skipChildren();
            }
        }
        JsonRead.expect(p, JsonToken.END_OBJECT, "node");
        if (name == null || name.length == 0) {
            throw new CorruptDataException("node without a name at byte " + p.currentTokenLocation().getByteOffset());
        }
        if (type == null) {
            throw new CorruptDataException("node " + GoQuote.quote(name) + " has no type");
        }
        return new Node(name, type, mode, mtime, atime, ctime, uid, gid, user, group, inode, deviceId, size, links,
                linkTarget, linkTargetRaw, xattrs, generic, device, content, subtree, error);
    }

    private static byte[] unquoteName(String quoted) throws CorruptDataException {
        if (quoted == null) {
            return null;
        }
        try {
            return GoQuote.unquote(quoted);
        } catch (IllegalArgumentException e) {
            throw JsonRead.corrupt("node name", e);
        }
    }

    private static NodeType nodeType(String s) throws CorruptDataException {
        try {
            return NodeType.fromJson(s);
        } catch (IllegalArgumentException e) {
            throw JsonRead.corrupt("node type", e);
        }
    }

    private static List<Id> readIds(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        JsonRead.expect(p, JsonToken.START_ARRAY, field);
        List<Id> ids = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Id id = JsonRead.id(p, field);
            if (id == null) {
                throw new CorruptDataException("null id in " + field);
            }
            ids.add(id);
        }
        return ids;
    }

    private static List<ExtendedAttribute> readXattrs(JsonParser p, byte[] input) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        JsonRead.expect(p, JsonToken.START_ARRAY, "extended_attributes");
        List<ExtendedAttribute> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonRead.expect(p, JsonToken.START_OBJECT, "extended_attributes");
            byte[] name = new byte[0];
            byte[] value = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "name" -> name = JsonRead.goStringBytes(p, input, f);
                    case "value" -> value = JsonRead.base64(p, f);
                    default -> p.skipChildren();
                }
            }
            list.add(new ExtendedAttribute(name == null ? new byte[0] : name, value));
        }
        return list;
    }

    /** The exact bytes of the JSON object at the current token, or {@code null} if null or empty. */
    private static byte[] rawObject(JsonParser p, byte[] input) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        JsonRead.expect(p, JsonToken.START_OBJECT, "generic_attributes");
        long start = p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        long end = p.currentTokenLocation().getByteOffset() + 1;
        if (start < 0 || end > input.length || input[(int) start] != '{' || input[(int) end - 1] != '}') {
            throw new CorruptDataException("cannot locate generic_attributes at byte " + start);
        }
        boolean empty = true;
        for (long i = start + 1; i < end - 1 && empty; i++) {
            byte b = input[(int) i];
            empty = b == ' ' || b == '\t' || b == '\n' || b == '\r';
        }
        if (empty) {
            return null;
        }
        return Arrays.copyOfRange(input, (int) start, (int) end);
    }
}
