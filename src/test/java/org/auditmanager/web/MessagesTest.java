package org.auditmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text in the templates comes from messages.properties: no visible literal text between tags, and
 * every #{key} used exists.
 */
class MessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** text between tags that is shown unless Thymeleaf replaces it */
    private static final Pattern TEXT_NODE = Pattern.compile("<>([^<>]*[A-Za-z][^<>]*)<");
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(path -> path.toString().endsWith(".html")).toList();
        }
    }

    private static Properties messages() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            // a tag carrying th:text, th:utext or th:replace has its placeholder text replaced at render time
            String html = Files.readString(template)
                    .replaceAll("<!--.*?-->", "")
                    .replaceAll("(?s)<script.*?</script>", "")
                    .replaceAll("(?s)<(\\w+)((?:[^>\"]|\"[^\"]*\")*th:(?:text|utext|replace|errors)=(?:[^>\"]|\"[^\"]*\")*)>[^<]*</\\1>", "")
                    .replaceAll("(?s)<(?:[^>\"]|\"[^\"]*\")*>", "<>");
            Matcher text = TEXT_NODE.matcher(html);
            while (text.find()) {
                problems.add(TEMPLATES.relativize(template) + ": \"" + text.group(1).strip() + "\"");
            }
        }
        assertThat(problems).as("literal text in templates; use th:text=\"#{key}\"").isEmpty();
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Properties messages = messages();
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher key = KEY.matcher(Files.readString(template));
            while (key.find()) {
                if (!messages.containsKey(key.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
