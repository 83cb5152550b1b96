package dev.coffer.agent.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** restic's filter.Match and ChildMatch semantics. */
class PathPatternTest {
    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "*.go|/foo/bar/test.go|true", "*.c|/foo/bar/test.go|false", "*|/foo/bar/test.go|true",
        "foo*|/foo/bar/test.go|true", "bar*|/foo/bar/test.go|true", "/bar*|/foo/bar/test.go|false",
        "bar/*|/foo/bar/test.go|true", "baz/*|/foo/bar/test.go|false", "foo/bar/test.go|/foo/bar/test.go|true",
        "/foo/*test.*|/foo/bar/test.go|false", "/foo/*/test.*|/foo/bar/test.go|true",
        "/foo|/foo/bar/test.go|true", "/foo/|/foo/bar/test.go|true", "/foo/bar|/foo/bar/test.go|true",
        "/foo/bar/|/foo/bar/test.go|true", "/foo/bar/test.go|/foo/bar/test.go|true", "/foo/ba|/foo/bar/test.go|false",
        "/foo/**/test.go|/foo/bar/baz/test.go|true", "**/test.go|/foo/bar/test.go|true", "**/*.go|/foo/bar/test.go|true",
        "/**/bar|/foo/bar/test.go|true", "/**/baz|/foo/bar/test.go|false", "/src/sub/*|/src/sub/deep/x.log|true",
        "src/*/deep|/src/sub/deep/x.log|true", "./foo/../bar|/bar|true", "!*.log|/a/x.log|true",
        "|/anything|true",
    })
    void matches(String pattern, String path, boolean expected) throws Exception {
        assertEquals(expected, PathPattern.parse(pattern == null ? "" : pattern).matches(path));
    }

    @ParameterizedTest(name = "below {1}, {0} may match: {2}")
    @CsvSource(delimiter = '|', value = {
        "/foo/bar|/foo|true", "/foo/bar|/bar|false", "/foo/*/baz|/foo/x|true", "/foo/*/baz|/foo/x/baz|true",
        "/foo/*/baz|/foo/x/qux|false", "/foo/**/baz|/foo/a/b/c|true", "/foo/**|/bar|false", "foo|/bar|true",
    })
    void childMatch(String pattern, String path, boolean expected) throws Exception {
        assertEquals(expected, PathPattern.parse(pattern).childMayMatch(path));
    }

    @Test
    void badPatternNamesThePattern() {
        BadPatternException e = assertThrows(BadPatternException.class, () -> PathPattern.parse("/a/[").matches("/a/b"));
        assertEquals("syntax error in pattern /a/[: check its brackets and backslashes", e.getMessage());
    }

    @Test
    void cleansLikeGo() {
        assertEquals("/a/c", PathPattern.clean("/a/b/../c/."));
        assertEquals("../x", PathPattern.clean("../x"));
        assertEquals(".", PathPattern.clean("a/.."));
        assertEquals("/", PathPattern.clean("/.."));
    }
}
