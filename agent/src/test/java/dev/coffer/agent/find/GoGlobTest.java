package dev.coffer.agent.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's filepath.Match results (the cases of Go's own table), bad patterns included. */
class GoGlobTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "abc|abc|true", "*|abc|true", "*c|abc|true", "a*|a|true", "a*|abc|true", "a*|ab/c|false",
        "a*/b|abc/b|true", "a*/b|a/c/b|false", "a*b*c*d*e*/f|axbxcxdxe/f|true", "a*b*c*d*e*/f|axbxcxdxexxx/f|true",
        "a*b*c*d*e*/f|axbxcxdxe/xxx/f|false", "a*b*c*d*e*/f|axbxcxdxexxx/fff|false",
        "a*b?c*x|abxbbxdbxebxczzx|true", "a*b?c*x|abxbbxdbxebxczzy|false",
        "ab[c]|abc|true", "ab[b-d]|abc|true", "ab[e-g]|abc|false", "ab[^c]|abc|false", "ab[^b-d]|abc|false",
        "ab[^e-g]|abc|true", "a\\*b|a*b|true", "a\\*b|ab|false", "a?b|a☺b|true", "a[^a]b|a☺b|true",
        "a???b|a☺b|false", "a[^a][^a][^a]b|a☺b|false", "[a-ζ]*|α|true", "*[a-ζ]|A|false", "a?b|a/b|false",
        "a*b|a/b|false", "[\\]a]|]|true", "[\\-]|-|true", "[x\\-]|x|true", "[x\\-]|-|true", "[x\\-]|z|false",
        "[\\-x]|x|true", "[\\-x]|-|true", "[\\-x]|a|false", "*x|xxx|true", "*.txt|a.txt|true", "*.txt|.txt|true",
    })
    void matchesAsGoDoes(String pattern, String name, boolean expected) throws Exception {
        assertEquals(expected, GoGlob.match(pattern, name));
    }

    @ParameterizedTest(name = "{0} ~ {1} is a bad pattern")
    @CsvSource(delimiter = '|', value = {
        "[]a]|]", "[-]|-", "[x-]|x", "[x-]|-", "[x-]|z", "[-x]|x", "[-x]|-", "[-x]|a", "\\|a", "[a-b-c]|a",
        "[|a", "[^|a", "[^bc|a", "a[|a", "a[|ab", "a[|x", "a/b[|x",
    })
    void rejectsBadPatterns(String pattern, String name) {
        assertThrows(BadPatternException.class, () -> GoGlob.match(pattern, name));
    }
}
