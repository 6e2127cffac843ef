package org.auditmanager.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The control catalogues as other features use them: ISO/IEC 27001 clauses and Annex A controls, the Trust
 * Services Criteria, and the mapping between them. Every answer comes from the current catalogue versions;
 * ids are the catalogues' own (A.5.15, 6.1.3, CC6.1).
 */
@Service
public class Catalog {

    private final CatalogRepository repository;
    private final CatalogManifest manifest;

    Catalog(CatalogRepository repository, CatalogManifest manifest) {
        this.repository = repository;
        this.manifest = manifest;
    }

    /** Every loaded catalogue version with its counts, current or not. */
    public List<CatalogueVersion> versions() {
        return repository.versions().stream().map(this::counted).toList();
    }

    public CatalogueVersion currentVersion(Catalogue catalogue) {
        String id = currentVersionId(catalogue);
        return repository.version(id).map(this::counted)
                .orElseThrow(() -> new IllegalStateException("Catalogue version " + id + " is not loaded."));
    }

    /** The id of the version in use now, such as ISO27001:2022. */
    public String currentVersionId(Catalogue catalogue) {
        return manifest.current(catalogue).version();
    }

    /**
     * The Annex A controls of one ISO/IEC 27001 catalogue version, current or older: records made against an
     * older version keep reading their own controls.
     */
    public List<CatalogItem> isoControlsOf(String isoVersion) {
        CatalogRepository.StoredVersion version = repository.version(isoVersion)
                .filter(stored -> stored.catalogue() == Catalogue.ISO27001)
                .orElseThrow(() -> new NotFoundException("ISO/IEC 27001 catalogue version '" + isoVersion + "'"));
        return repository.items(version.id(), ItemKind.ANNEX_A_CONTROL);
    }

    /** The 93 Annex A controls of ISO/IEC 27001:2022, in Annex A order. */
    public List<CatalogItem> isoControls() {
        return repository.items(iso(), ItemKind.ANNEX_A_CONTROL);
    }

    /** The Annex A controls of one theme (Organizational, People, Physical, Technological; any letter case). */
    public List<CatalogItem> isoControls(String theme) {
        return repository.items(iso(), ItemKind.ANNEX_A_CONTROL, List.of(known(isoThemes(), theme, "theme")));
    }

    public List<String> isoThemes() {
        return repository.groups(iso(), ItemKind.ANNEX_A_CONTROL);
    }

    /** Clauses 4 to 10 with their sub-clauses, in the standard's order. */
    public List<CatalogItem> isoClauses() {
        return repository.items(iso(), ItemKind.CLAUSE);
    }

    public List<CatalogItem> criteria() {
        return repository.items(tsc(), ItemKind.TSC_CRITERION);
    }

    /**
     * The criteria of the given trust services categories (as an engagement names them: Security, Availability,
     * Confidentiality, Processing Integrity, Privacy); all criteria when none are given.
     */
    public List<CatalogItem> criteria(Collection<String> categories) {
        if (categories == null || categories.isEmpty()) {
            return criteria();
        }
        List<String> known = tscCategories();
        return repository.items(tsc(), ItemKind.TSC_CRITERION,
                categories.stream().map(category -> known(known, category, "category")).toList());
    }

    public List<String> tscCategories() {
        return repository.groups(tsc(), ItemKind.TSC_CRITERION);
    }

    /** A clause, Annex A control or criterion of the current catalogues. */
    public Optional<CatalogItem> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return repository.item(List.of(iso(), tsc()), id.strip());
    }

    public boolean exists(String id) {
        return find(id).isPresent();
    }

    /** The item with its mapping links in whichever direction it has them; 404 for an unknown id. */
    public CatalogEntry entry(String id) {
        CatalogItem item = get(id);
        return new CatalogEntry(item, item.kind() == ItemKind.TSC_CRITERION ? links(item, Mappings.Direction.FROM)
                : links(item, Mappings.Direction.TO));
    }

    /** The Annex A controls a criterion maps to (the third-party mapping; clauses left out). */
    public List<CatalogItem> mappedIsoControls(String tscId) {
        Map<String, CatalogItem> controls = isoControls().stream()
                .collect(Collectors.toMap(CatalogItem::id, Function.identity()));
        return mappingsFrom(tscId).links().stream().map(link -> controls.get(link.id()))
                .filter(control -> control != null).toList();
    }

    /** The criteria that map to an Annex A control or clause. */
    public List<CatalogItem> mappedCriteria(String isoId) {
        Map<String, CatalogItem> criteria = criteria().stream()
                .collect(Collectors.toMap(CatalogItem::id, Function.identity()));
        return mappingsTo(isoId).links().stream().map(link -> criteria.get(link.id())).toList();
    }

    /** Links from a criterion to ISO controls and clauses. */
    public Mappings mappingsFrom(String tscId) {
        CatalogItem item = get(tscId);
        if (item.kind() != ItemKind.TSC_CRITERION) {
            String detail = "Mappings go from a trust services criterion; %s is an ISO/IEC 27001 item: ask for the "
                    .formatted(item.id()) + "mappings to it.";
            throw new InvalidInputException(detail, Map.of("from", detail));
        }
        return links(item, Mappings.Direction.FROM);
    }

    /** Links from criteria to an ISO control or clause. */
    public Mappings mappingsTo(String isoId) {
        CatalogItem item = get(isoId);
        if (item.kind() == ItemKind.TSC_CRITERION) {
            String detail = "Mappings go to an ISO/IEC 27001 control or clause; %s is a criterion: ask for the "
                    .formatted(item.id()) + "mappings from it.";
            throw new InvalidInputException(detail, Map.of("to", detail));
        }
        return links(item, Mappings.Direction.TO);
    }

    private CatalogItem get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("Catalogue item '" + id + "'"));
    }

    private Mappings links(CatalogItem item, Mappings.Direction direction) {
        CatalogManifest.Entry mapping = manifest.current(Catalogue.TSC_TO_ISO27001);
        CatalogRepository.StoredVersion stored = repository.version(mapping.version()).orElseThrow();
        List<Link> links = direction == Mappings.Direction.FROM
                ? repository.linksFrom(stored.id(), item.id()).stream()
                        .map(link -> new Link(link.isoId(), link.isoKind(), link.isoTitle(), link.relationship())).toList()
                : repository.linksTo(stored.id(), item.id()).stream()
                        .map(link -> new Link(link.tscId(), ItemKind.TSC_CRITERION, link.tscTitle(), link.relationship()))
                        .toList();
        return new Mappings(item.id(), direction, stored.id(), stored.title(), stored.authoritative(), stored.provenance(),
                links);
    }

    private CatalogueVersion counted(CatalogRepository.StoredVersion version) {
        boolean mapping = version.catalogue() == Catalogue.TSC_TO_ISO27001;
        Map<ItemKind, Integer> byKind = mapping ? repository.countLinksByKind(version.id())
                : repository.countByKind(version.id());
        return new CatalogueVersion(version.id(), version.catalogue(), version.title(), version.authoritative(),
                version.provenance(), version.mapsFrom(), version.mapsTo(), version.loadedAt(),
                manifest.isCurrent(version.id()), byKind.values().stream().mapToInt(Integer::intValue).sum(), byKind,
                mapping ? Map.of() : repository.countByGroup(version.id()));
    }

    private static String known(List<String> known, String given, String what) {
        String wanted = given == null ? "" : given.strip();
        return known.stream().filter(name -> name.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> {
                    String hint = "Use one of " + String.join(", ", known) + ".";
                    return new InvalidInputException("Unknown %s '%s'. %s".formatted(what, given, hint), Map.of(what, hint));
                });
    }

    private String iso() {
        return currentVersionId(Catalogue.ISO27001);
    }

    private String tsc() {
        return currentVersionId(Catalogue.TSC);
    }
}
