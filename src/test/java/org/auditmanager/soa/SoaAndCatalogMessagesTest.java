package org.auditmanager.soa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auditmanager.catalog.ItemKind;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every message key the catalogue and SoA templates use exists, including those built from enum values. */
class SoaAndCatalogMessagesTest {

    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

    @Test
    void everyKeyUsedInTheTemplatesIsDefined() throws IOException {
        Properties messages = messages();
        List<String> used = new ArrayList<>();
        for (String folder : List.of("catalog", "soa")) {
            for (Resource template : new PathMatchingResourcePatternResolver()
                    .getResources("classpath:templates/" + folder + "/*.html")) {
                Matcher keys = STATIC_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
                while (keys.find()) {
                    used.add(keys.group(1));
                }
            }
        }

        assertThat(used).hasSizeGreaterThan(50);
        assertThat(used).allSatisfy(key -> assertThat(messages).containsKey(key));
    }

    @Test
    void everyKeyBuiltFromAnEnumValueIsDefined() throws IOException {
        Properties messages = messages();
        List<String> built = new ArrayList<>();
        Arrays.stream(SoaStatus.values()).forEach(status -> built.add("soa.status." + status));
        Arrays.stream(ImplementationStatus.values()).forEach(status -> built.add("soa.impl." + status));
        Arrays.stream(ItemKind.values()).forEach(kind -> built.addAll(List.of(
                "catalog.kind." + kind, "catalog.group." + kind, "catalog.count." + kind)));
        built.addAll(List.of("catalog.linkCount." + ItemKind.ANNEX_A_CONTROL, "catalog.linkCount." + ItemKind.CLAUSE));

        assertThat(built).allSatisfy(key -> assertThat(messages).containsKey(key));
    }

    private static Properties messages() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = new ClassPathResource("messages.properties").getInputStream()) {
            messages.load(in);
        }
        return messages;
    }
}
