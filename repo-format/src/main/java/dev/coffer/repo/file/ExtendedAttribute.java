package dev.coffer.repo.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One extended attribute of a node: JSON {@code {"name":…,"value":"<base64>"}}. The name is raw
 * bytes (written as a Go string, invalid UTF-8 becoming <code>&#92;ufffd</code>); a {@code null} value is
 * written as JSON {@code null}, an empty one as {@code ""}, as Go does for a nil or empty slice.
 */
public record ExtendedAttribute(byte[] name, byte[] value) {
    public ExtendedAttribute {
        Objects.requireNonNull(name, "name");
        name = name.clone();
        value = value == null ? null : value.clone();
    }

    /** An attribute with a UTF-8 name. */
    public static ExtendedAttribute of(String name, byte[] value) {
        return new ExtendedAttribute(name.getBytes(StandardCharsets.UTF_8), value);
    }

    @Override
    public byte[] name() {
        return name.clone();
    }

    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    byte[] nameRef() {
        return name;
    }

    byte[] valueRef() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedAttribute other && Arrays.equals(name, other.name) && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(name) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "ExtendedAttribute[" + GoQuote.quote(name) + "=" + (value == null ? "null" : value.length + " bytes") + "]";
    }
}
