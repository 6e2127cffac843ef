package org.auditmanager.iso;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds {@link IsoCycleProperties} the way the application does, so the defaults come from its annotations. */
final class TestProperties {

    private TestProperties() {
    }

    static IsoCycleProperties defaults() {
        return with(Map.of());
    }

    /** Overrides by property name below {@code app.iso.cycle}, for example {@code "max-suspension" -> "3m"}. */
    static IsoCycleProperties with(Map<String, String> overrides) {
        Map<String, String> properties = overrides.entrySet().stream()
                .collect(Collectors.toMap(entry -> "app.iso.cycle." + entry.getKey(), Map.Entry::getValue));
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("app.iso.cycle", IsoCycleProperties.class);
    }
}
