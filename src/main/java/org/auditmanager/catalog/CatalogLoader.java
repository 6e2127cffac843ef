package org.auditmanager.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the catalogue versions of the manifest at start-up, each in its own transaction: a version not yet in
 * the database is inserted whole; one already there is compared by content hash and left alone. Running it
 * again changes nothing; a file changed under a version id already loaded stops the start-up, because records
 * point to those rows.
 */
@Component
class CatalogLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);

    private final CatalogManifest manifest;
    private final CatalogRepository repository;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CatalogLoader(CatalogManifest manifest, CatalogRepository repository, TransactionTemplate transactions,
                  Clock clock) {
        this.manifest = manifest;
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        load(manifest);
    }

    /** Loads what is missing; answers the versions it inserted. */
    List<String> load(CatalogManifest source) {
        List<String> inserted = new ArrayList<>();
        for (CatalogManifest.Entry entry : source.entries()) {
            Map<String, byte[]> files = read(source, entry);
            String hash = sha256(files);
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> loadOne(entry, files, hash)))) {
                    inserted.add(entry.version());
                }
            } catch (DuplicateKeyException concurrentStart) {
                // another node inserted the same version first: the hash check settles whether it is ours
                transactions.execute(status -> loadOne(entry, files, hash));
            }
        }
        return inserted;
    }

    private boolean loadOne(CatalogManifest.Entry entry, Map<String, byte[]> files, String hash) {
        Optional<String> loaded = repository.contentHash(entry.version());
        if (loaded.isPresent()) {
            if (!loaded.get().equals(hash)) {
                throw new IllegalStateException(("Catalogue version %s is already loaded, but %s now hold other content. "
                        + "Rows already loaded are never rewritten: give the changed files a new version id in the "
                        + "catalogue manifest.").formatted(entry.version(), entry.files()));
            }
            if (repository.updateDescription(entry) > 0) {
                log.info("Catalogue {}: title or provenance updated", entry.version());
            }
            return false;
        }
        repository.insertVersion(entry, hash, clock.instant());
        int count = entry.catalogue() == Catalogue.TSC_TO_ISO27001 ? insertMapping(entry, files) : insertItems(entry, files);
        log.info("Catalogue {} loaded: {} {}", entry.version(), count,
                entry.catalogue() == Catalogue.TSC_TO_ISO27001 ? "links" : "items");
        return true;
    }

    private int insertItems(CatalogManifest.Entry entry, Map<String, byte[]> files) {
        List<CatalogItem> items = switch (entry.catalogue()) {
            case ISO27001 -> {
                List<CatalogItem> iso = new ArrayList<>(CatalogCsv.clauses(entry.version(), entry.clauses(),
                        files.get(entry.clauses())));
                iso.addAll(CatalogCsv.annexA(entry.version(), entry.annexA(), files.get(entry.annexA())));
                yield iso;
            }
            case TSC -> CatalogCsv.criteria(entry.version(), entry.criteria(), files.get(entry.criteria()));
            case TSC_TO_ISO27001 -> throw new IllegalArgumentException("a mapping has links, not items");
        };
        Set<String> ids = new HashSet<>();
        items.stream().filter(item -> !ids.add(item.id())).findFirst().ifPresent(duplicate -> {
            throw new IllegalStateException("Catalogue %s lists %s twice.".formatted(entry.version(), duplicate.id()));
        });
        for (int i = 0; i < items.size(); i++) {
            repository.insertItem(items.get(i), i + 1);
        }
        return items.size();
    }

    private int insertMapping(CatalogManifest.Entry entry, Map<String, byte[]> files) {
        Map<String, CatalogItem> criteria = byId(entry.mapsFrom());
        Map<String, CatalogItem> iso = byId(entry.mapsTo());
        List<CatalogCsv.MappingRow> rows = new ArrayList<>(CatalogCsv.mapping(entry.mapping(), files.get(entry.mapping())));
        if (entry.supplement() != null) {
            rows.addAll(CatalogCsv.supplement(entry.supplement(), files.get(entry.supplement())));
        }
        Set<String> pairs = new HashSet<>();
        for (CatalogCsv.MappingRow row : rows) {
            String file = row.relationship() == null ? entry.mapping() : entry.supplement();
            CatalogItem from = criteria.get(row.tscId());
            CatalogItem to = iso.get(row.isoId());
            if (from == null || from.kind() != ItemKind.TSC_CRITERION) {
                throw CatalogCsv.problem(file, row.line(), row.tscId() + " is not a criterion of " + entry.mapsFrom());
            }
            if (to == null || to.kind() != row.isoKind()) {
                throw CatalogCsv.problem(file, row.line(),
                        row.isoId() + " is not a " + row.isoKind() + " of " + entry.mapsTo());
            }
            if (!pairs.add(row.tscId() + "→" + row.isoId())) {
                throw CatalogCsv.problem(file, row.line(), row.tscId() + " → " + row.isoId() + " is listed twice");
            }
            repository.insertLink(entry.version(), entry.mapsFrom(), row.tscId(), entry.mapsTo(), row.isoId(),
                    row.relationship() == null ? entry.relationship() : row.relationship(), pairs.size());
        }
        return rows.size();
    }

    private Map<String, CatalogItem> byId(String version) {
        return repository.items(version).stream().collect(Collectors.toMap(CatalogItem::id, Function.identity()));
    }

    private static Map<String, byte[]> read(CatalogManifest source, CatalogManifest.Entry entry) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : entry.files()) {
            try (InputStream in = source.file(name).getInputStream()) {
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read catalog/" + name + " of catalogue " + entry.version(), e);
            }
        }
        return files;
    }

    /**
     * Over the contents in manifest order, with line ends made alike: a checkout that turns LF into CRLF is
     * not a new version.
     */
    private static String sha256(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.values().forEach(content -> {
                String text = new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n");
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
