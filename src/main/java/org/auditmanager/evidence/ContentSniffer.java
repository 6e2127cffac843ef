package org.auditmanager.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.springframework.stereotype.Component;

/**
 * Tells a file's type from its first bytes (magic numbers), never from the name or the type the browser
 * declares, which anyone can choose. Office documents are ZIP files: their entries tell Word, Excel and
 * PowerPoint apart. Text is text when its first bytes are valid UTF-8 without control characters; the name
 * then only decides between plain text and CSV.
 */
@Component
class ContentSniffer {

    /** A detected type and how to name it to a person. */
    record Detected(String mediaType, String description) {

        @Override
        public String toString() {
            return description + " (" + mediaType + ")";
        }
    }

    static final Detected PDF = new Detected("application/pdf", "a PDF document");
    static final Detected PNG = new Detected("image/png", "a PNG image");
    static final Detected JPEG = new Detected("image/jpeg", "a JPEG image");
    static final Detected GIF = new Detected("image/gif", "a GIF image");
    static final Detected ZIP = new Detected("application/zip", "a ZIP archive");
    static final Detected DOCX = new Detected(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document");
    static final Detected XLSX = new Detected(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook");
    static final Detected PPTX = new Detected(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "a PowerPoint presentation");
    static final Detected OLE2 = new Detected("application/x-ole-storage", "a legacy Office (OLE2) document");
    static final Detected GZIP = new Detected("application/gzip", "a gzip archive");
    static final Detected WINDOWS_EXECUTABLE = new Detected("application/x-msdownload", "a Windows executable");
    static final Detected ELF_EXECUTABLE = new Detected("application/x-executable", "a Linux executable");
    static final Detected TEXT = new Detected("text/plain", "plain text");
    static final Detected CSV = new Detected("text/csv", "CSV text");
    static final Detected UNKNOWN = new Detected("application/octet-stream", "binary data of an unknown type");

    private static final int SAMPLE = 8192;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    Detected sniff(Path file, String filename) {
        byte[] head = head(file);
        if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return PDF;
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(head, 'P', 'K', 0x03, 0x04) || startsWith(head, 'P', 'K', 0x05, 0x06)) {
            return officeOrZip(file);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return OLE2;
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            return GZIP;
        }
        if (isText(head)) {
            return filename.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : TEXT;
        }
        // after the text test: a text file may well begin with "MZ"
        if (startsWith(head, 'M', 'Z')) {
            return WINDOWS_EXECUTABLE;
        }
        if (startsWith(head, 0x7F, 'E', 'L', 'F')) {
            return ELF_EXECUTABLE;
        }
        return UNKNOWN;
    }

    /** Reads the ZIP's central directory only (at the end of the file), so a large archive costs no more. */
    private static Detected officeOrZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return ZIP;
            }
            if (zip.getEntry("word/document.xml") != null) {
                return DOCX;
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return XLSX;
            }
            if (zip.getEntry("ppt/presentation.xml") != null) {
                return PPTX;
            }
            return ZIP;
        } catch (ZipException damaged) {
            return UNKNOWN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isText(byte[] head) {
        byte[] sample = startsWith(head, UTF8_BOM) ? Arrays.copyOfRange(head, UTF8_BOM.length, head.length) : head;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        // the sample may end inside a multi-byte character: drop up to three trailing bytes until it decodes
        for (int cut = 0; cut <= 3 && cut < sample.length; cut++) {
            try {
                String text = decoder.reset().decode(ByteBuffer.wrap(sample, 0, sample.length - cut)).toString();
                return text.chars().noneMatch(c -> Character.isISOControl(c) && "\t\n\r\f".indexOf(c) < 0);
            } catch (CharacterCodingException e) {
                if (head.length < SAMPLE) {
                    return false;
                }
            }
        }
        return false;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
