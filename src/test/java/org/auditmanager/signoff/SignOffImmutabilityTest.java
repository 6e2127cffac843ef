package org.auditmanager.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing signed can be changed: the feature has no statement that updates or deletes a sign-off, and its public
 * API only reads. (A database trigger would need different code on H2 and PostgreSQL; this test and the
 * digest of the signed summary stand in for it.)
 */
class SignOffImmutabilityTest {

    private static final Path SOURCES = Path.of("src/main/java/org/auditmanager/signoff");
    private static final Pattern CHANGING_SQL = Pattern.compile(
            "\\b(update\\s+signoff|delete\\s+from\\s+signoff|merge\\s+into\\s+signoff|truncate\\s+table\\s+signoff)\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noCodeOfTheFeatureUpdatesOrDeletesASignOff() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        assertThat(sources).as("the feature's sources").isNotEmpty();
        for (Path source : sources) {
            assertThat(CHANGING_SQL.matcher(Files.readString(source)).find())
                    .as("%s changes a sign-off", source.getFileName()).isFalse();
        }
        assertThat(Files.readString(SOURCES.resolve("SignOffRepository.java")))
                .containsIgnoringCase("insert into signoff");
    }

    @Test
    void theRepositoryOnlyInsertsAndReads() {
        List<String> methods = Arrays.stream(SignOffRepository.class.getDeclaredMethods())
                .filter(method -> !Modifier.isPrivate(method.getModifiers()) && !method.isSynthetic())
                .map(Method::getName).sorted().toList();
        assertThat(methods).containsExactly("countOfEngagement", "insert", "nextVersion", "ofEngagement", "ofStep");
    }

    @Test
    void thePublicServiceOnlyReads() {
        assertThat(Arrays.stream(SignOffs.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers())).map(Method::getName).toList())
                .containsExactly("of");
    }
}
