package dev.kontak.imports.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a file whose encoding nobody said: what address books and spreadsheets write. A byte order mark
 * says it; else UTF-16 shows in the NUL bytes of its Latin letters; else UTF-8 if the bytes are valid UTF-8;
 * else windows-1252, what Excel on Windows saves a CSV file as in Western Europe and Indonesia.
 */
final class FileText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Enough bytes to see a heading or BEGIN:VCARD. */
    private static final int SNIFFED = 64;

    private FileText() {
    }

    static String decode(byte[] bytes) {
        if (starts(bytes, 0xEF, 0xBB, 0xBF)) {
            return decoded(bytes, 3, StandardCharsets.UTF_8);
        }
        if (starts(bytes, 0xFF, 0xFE)) {
            return decoded(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (starts(bytes, 0xFE, 0xFF)) {
            return decoded(bytes, 2, StandardCharsets.UTF_16BE);
        }
        int evenNuls = 0;
        int oddNuls = 0;
        int sniffed = Math.min(bytes.length, SNIFFED) & ~1;
        for (int i = 0; i < sniffed; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    evenNuls++;
                } else {
                    oddNuls++;
                }
            }
        }
        int halfOfPairs = sniffed / 4;
        if (oddNuls > halfOfPairs && evenNuls == 0) {
            return decoded(bytes, 0, StandardCharsets.UTF_16LE);
        }
        if (evenNuls > halfOfPairs && oddNuls == 0) {
            return decoded(bytes, 0, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static boolean starts(byte[] bytes, int... mark) {
        if (bytes.length < mark.length) {
            return false;
        }
        for (int i = 0; i < mark.length; i++) {
            if ((bytes[i] & 0xFF) != mark[i]) {
                return false;
            }
        }
        return true;
    }

    private static String decoded(byte[] bytes, int from, Charset charset) {
        return new String(bytes, from, bytes.length - from, charset);
    }
}
