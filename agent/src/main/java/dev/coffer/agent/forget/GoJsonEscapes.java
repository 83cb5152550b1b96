package dev.coffer.agent.forget;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Escapes strings the way Go's {@code encoding/json} does: newline, carriage return and tab as
 * short escapes, other control characters as lower-case six-character unicode escapes, and the
 * HTML characters {@code < > &} plus U+2028 and U+2029 as unicode escapes too.
 */
final class GoJsonEscapes extends CharacterEscapes {

    private final int[] table;

    GoJsonEscapes() {
        table = standardAsciiEscapesForJSON();
        for (int c = 0; c < 0x20; c++) {
            if (c != '\n' && c != '\r' && c != '\t') {
                table[c] = ESCAPE_CUSTOM;
            }
        }
        table['<'] = ESCAPE_CUSTOM;
        table['>'] = ESCAPE_CUSTOM;
        table['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return table.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch < 0x80 && table[ch] != ESCAPE_CUSTOM && ch != 0x2028 && ch != 0x2029) {
            return null;
        }
        if (ch < 0x80 || ch == 0x2028 || ch == 0x2029) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
        return null;
    }
}
