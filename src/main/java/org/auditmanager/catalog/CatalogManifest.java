package org.auditmanager.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;

/**
 * The list of catalogue versions to load, read from a YAML file (catalog/catalogues.yml in the application).
 * The last version listed for a catalogue is its current one.
 */
final class CatalogManifest {

    /** One catalogue version and its files, named relative to the manifest. */
    record Entry(
            String version,
            Catalogue catalogue,
            String title,
            boolean authoritative,
            String provenance,
            String clauses,
            String annexA,
            String criteria,
            String mapping,
            String supplement,
            String mapsFrom,
            String mapsTo,
            String relationship) {

        /** The entry's files in a fixed order: the content hash depends on it. */
        List<String> files() {
            return switch (catalogue) {
                case ISO27001 -> List.of(clauses, annexA);
                case TSC -> List.of(criteria);
                case TSC_TO_ISO27001 -> supplement == null ? List.of(mapping) : List.of(mapping, supplement);
            };
        }
    }

    private final Resource location;
    private final List<Entry> entries;
    private final Map<Catalogue, Entry> current;

    private CatalogManifest(Resource location, List<Entry> entries) {
        this.location = location;
        this.entries = List.copyOf(entries);
        this.current = new EnumMap<>(Catalogue.class);
        entries.forEach(entry -> current.put(entry.catalogue(), entry));
    }

    static CatalogManifest read(Resource location) {
        List<PropertySource<?>> sources;
        try {
            sources = new YamlPropertySourceLoader().load(String.valueOf(location.getFilename()), location);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalogue manifest " + location, e);
        }
        List<Entry> entries = new Binder(ConfigurationPropertySources.from(sources))
                .bind("catalogues", Bindable.listOf(Entry.class))
                .orElseThrow(() -> new IllegalStateException(location + " lists no catalogues."));
        check(location, entries);
        CatalogManifest manifest = new CatalogManifest(location, entries);
        manifest.checkCurrentMappingFitsCurrentCatalogues();
        return manifest;
    }

    List<Entry> entries() {
        return entries;
    }

    Entry current(Catalogue catalogue) {
        Entry entry = current.get(catalogue);
        if (entry == null) {
            throw new IllegalStateException(location + " lists no version of " + catalogue + ".");
        }
        return entry;
    }

    boolean isCurrent(String version) {
        return current.values().stream().anyMatch(entry -> entry.version().equals(version));
    }

    Resource file(String name) {
        try {
            return location.createRelative(name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve " + name + " next to " + location, e);
        }
    }

    private static void check(Resource location, List<Entry> entries) {
        Set<String> listed = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String at = "catalogues[" + i + "]";
            if (blank(entry.version()) || entry.catalogue() == null || blank(entry.title()) || blank(entry.provenance())) {
                problems.add(at + " needs version, catalogue, title and provenance");
                continue;
            }
            if (!listed.add(entry.version())) {
                problems.add(at + " repeats version " + entry.version());
            }
            if (entry.files().stream().anyMatch(CatalogManifest::blank)) {
                problems.add(at + " (" + entry.version() + ") misses a file: " + switch (entry.catalogue()) {
                    case ISO27001 -> "clauses and annex-a";
                    case TSC -> "criteria";
                    case TSC_TO_ISO27001 -> "mapping";
                });
            }
            if (entry.catalogue() == Catalogue.TSC_TO_ISO27001) {
                // a mapping needs the versions it links to be loaded before it
                if (!listed.contains(entry.mapsFrom()) || !listed.contains(entry.mapsTo()) || blank(entry.relationship())) {
                    problems.add(at + " (" + entry.version() + ") needs maps-from and maps-to naming versions listed "
                            + "above it, and a relationship");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(location + ": " + String.join("; ", problems) + ".");
        }
    }

    private void checkCurrentMappingFitsCurrentCatalogues() {
        Entry mapping = current.get(Catalogue.TSC_TO_ISO27001);
        if (mapping == null) {
            return;
        }
        String tsc = current(Catalogue.TSC).version();
        String iso = current(Catalogue.ISO27001).version();
        if (!mapping.mapsFrom().equals(tsc) || !mapping.mapsTo().equals(iso)) {
            throw new IllegalStateException("%s: the current mapping %s links %s to %s, but the current catalogues are %s and %s."
                    .formatted(location, mapping.version(), mapping.mapsFrom(), mapping.mapsTo(), tsc, iso));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
