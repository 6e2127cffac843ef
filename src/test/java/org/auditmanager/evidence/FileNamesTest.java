package org.auditmanager.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "report.pdf                      | report.pdf",
            "../x                            | x",
            "../../etc/passwd                | passwd",
            "..\\..\\Windows\\system.ini     | system.ini",
            "C:\\Users\\carl\\Desktop\\q1.xlsx | q1.xlsx",
            "..                              | evidence",
            "./.hidden.txt                   | hidden.txt",
            "trailing dots...                | trailing dots",
            "what?<is>*this:\".csv           | whatisthis.csv",
            "                                | evidence"})
    void keepsOnlyASafeLastSegment(String submitted, String kept) {
        assertThat(FileNames.sanitise(submitted)).isEqualTo(kept == null ? "evidence" : kept);
    }

    @ParameterizedTest
    @CsvSource({"'in\u0000voice\n.pdf', invoice.pdf", "'cod\u202Efdp.exe', codfdp.exe", "'tab\there.txt', tabhere.txt"})
    void dropsControlAndDirectionOverrideCharacters(String submitted, String kept) {
        assertThat(FileNames.sanitise(submitted)).isEqualTo(kept);
    }

    @Test
    void shortensLongNamesButKeepsTheExtension() {
        String name = FileNames.sanitise("a".repeat(300) + ".docx");
        assertThat(name).hasSize(200).endsWith(".docx");
    }

    @Test
    void givesANameToNothing() {
        assertThat(FileNames.sanitise(null)).isEqualTo("evidence");
    }
}
