package dev.kontak.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTextTest {

    private static final String TEXT = "BEGIN:VCARD\r\nFN:Zoë Ángeles\r\n";

    @Test
    void aByteOrderMarkSaysTheEncodingAndIsNotPartOfTheText() {
        assertEquals(TEXT, FileText.decode(marked(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                StandardCharsets.UTF_8)));
        assertEquals(TEXT, FileText.decode(marked(new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE)));
        assertEquals(TEXT, FileText.decode(marked(new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE)));
    }

    @Test
    void utf16WithoutAMarkShowsInTheNulBytesOfItsLatinLetters() {
        assertEquals(TEXT, FileText.decode(TEXT.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(TEXT, FileText.decode(TEXT.getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void validUtf8IsUtf8AndAnythingElseIsWindows1252() {
        assertEquals(TEXT, FileText.decode(TEXT.getBytes(StandardCharsets.UTF_8)));
        Charset windows1252 = Charset.forName("windows-1252");
        assertEquals("Nama;Catatan\r\nRenée;“café” – 5 €\r\n",
                FileText.decode("Nama;Catatan\r\nRenée;“café” – 5 €\r\n".getBytes(windows1252)));
        assertEquals("", FileText.decode(new byte[0]));
    }

    private static byte[] marked(byte[] mark, Charset charset) {
        byte[] text = TEXT.getBytes(charset);
        byte[] bytes = new byte[mark.length + text.length];
        System.arraycopy(mark, 0, bytes, 0, mark.length);
        System.arraycopy(text, 0, bytes, mark.length, text.length);
        return bytes;
    }
}
