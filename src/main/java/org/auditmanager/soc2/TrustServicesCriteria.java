package org.auditmanager.soc2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The 61 trust services criteria (2017 TSC, reference.md E.3) from the versioned catalogue
 * {@code soc2-tsc-2017.csv} next to this class: which criteria each category brings into scope.
 */
@Component
public class TrustServicesCriteria {

    static final String SECURITY = "Security";
    private static final String CATALOGUE = "soc2-tsc-2017.csv";

    /** criterion id to category, in catalogue order */
    private final Map<String, String> categoryById = new LinkedHashMap<>();

    TrustServicesCriteria() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream(CATALOGUE), CATALOGUE),
                StandardCharsets.UTF_8))) {
            reader.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                // id and category never hold commas; the quoted title after them may
                String[] columns = line.split(",", 3);
                categoryById.put(columns[0], columns[1]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CATALOGUE, e);
        }
    }

    public boolean exists(String criterion) {
        return categoryById.containsKey(criterion);
    }

    /** The criteria the given categories bring into scope, in catalogue order. */
    public List<String> inScope(Collection<String> categories) {
        return categoryById.entrySet().stream().filter(entry -> categories.contains(entry.getValue()))
                .map(Map.Entry::getKey).toList();
    }
}
