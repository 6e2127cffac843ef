package org.auditmanager.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSnifferTest {

    private final ContentSniffer sniffer = new ContentSniffer();

    @TempDir
    Path dir;

    @Test
    void tellsTypesByTheirMagicNumbersNotByTheirNames() throws IOException {
        assertThat(sniff("a.txt", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ContentSniffer.PDF);
        assertThat(sniff("a.pdf", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).isEqualTo(ContentSniffer.PNG);
        assertThat(sniff("a.png", bytes(0xFF, 0xD8, 0xFF, 0xE0, 0))).isEqualTo(ContentSniffer.JPEG);
        assertThat(sniff("a.pdf", bytes('M', 'Z', 0x90, 0, 3, 0))).isEqualTo(ContentSniffer.WINDOWS_EXECUTABLE);
        assertThat(sniff("a.pdf", bytes(0x7F, 'E', 'L', 'F', 2, 1))).isEqualTo(ContentSniffer.ELF_EXECUTABLE);
        assertThat(sniff("a.xls", bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1))).isEqualTo(ContentSniffer.OLE2);
        assertThat(sniff("a.bin", bytes(0, 1, 2, 3, 0xFE))).isEqualTo(ContentSniffer.UNKNOWN);
    }

    @Test
    void tellsOfficeDocumentsFromOtherZipFiles() throws IOException {
        assertThat(sniff("a.docx", zip("[Content_Types].xml", "word/document.xml"))).isEqualTo(ContentSniffer.DOCX);
        assertThat(sniff("a.docx", zip("[Content_Types].xml", "xl/workbook.xml"))).isEqualTo(ContentSniffer.XLSX);
        assertThat(sniff("a.pptx", zip("[Content_Types].xml", "ppt/presentation.xml"))).isEqualTo(ContentSniffer.PPTX);
        assertThat(sniff("a.xlsx", zip("evidence/screenshot.png"))).isEqualTo(ContentSniffer.ZIP);
    }

    @Test
    void takesUtf8WithoutControlCharactersAsTextAndTheNameOnlyDecidesCsv() throws IOException {
        byte[] csv = "user,last login\nzoë,2026-01-02\n".getBytes(StandardCharsets.UTF_8);
        assertThat(sniff("users.CSV", csv)).isEqualTo(ContentSniffer.CSV);
        assertThat(sniff("users.txt", csv)).isEqualTo(ContentSniffer.TEXT);
        assertThat(sniff("mz.txt", "MZ is a postcode prefix\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ContentSniffer.TEXT);
        assertThat(sniff("bell.txt", "ring\u0007".getBytes(StandardCharsets.UTF_8))).isEqualTo(ContentSniffer.UNKNOWN);
        assertThat(sniff("latin1.txt", bytes('c', 'a', 'f', 0xE9, ' ', 'x'))).isEqualTo(ContentSniffer.UNKNOWN);
    }

    @Test
    void acceptsTextWhoseSampleEndsInsideACharacter() throws IOException {
        byte[] text = ("é".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        assertThat(text.length).isGreaterThan(8192);
        assertThat(sniff("accents.txt", text)).isEqualTo(ContentSniffer.TEXT);
    }

    private ContentSniffer.Detected sniff(String name, byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "sniff", ".bin");
        Files.write(file, content);
        return sniffer.sniff(file, name);
    }

    private byte[] zip(String... entries) throws IOException {
        Path file = Files.createTempFile(dir, "zip", ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("x".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        }
        return Files.readAllBytes(file);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
