package org.auditmanager.soc2;

import java.util.Map;
import org.auditmanager.engagement.Soc2PeriodPolicy;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds the real property records the way Spring Boot does, so tests see the documented defaults. */
final class Soc2TestProperties {

    private Soc2TestProperties() {
    }

    static Soc2Properties defaults() {
        return bind(Map.of());
    }

    static Soc2Properties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("app.soc2", Soc2Properties.class);
    }

    static Soc2PeriodPolicy periodPolicy() {
        return new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("app.soc2.period", Soc2PeriodPolicy.class);
    }
}
