package org.auditmanager.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Browsing the catalogues: public reference data for every signed-in user, clients included. */
@Controller
class CatalogPagesController {

    private static final String OVERVIEW = "catalog/overview";
    private static final String ISO = "catalog/iso27001";
    private static final String SOC2 = "catalog/soc2";
    private static final String ITEM = "catalog/item";

    private final Catalog catalog;

    CatalogPagesController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/catalog")
    String overview(Model model) {
        model.addAttribute("versions", catalog.versions());
        return OVERVIEW;
    }

    @GetMapping("/catalog/iso27001")
    String iso(Model model) {
        model.addAttribute("version", catalog.currentVersion(Catalogue.ISO27001));
        model.addAttribute("clauses", catalog.isoClauses());
        List<CatalogItem> controls = catalog.isoControls();
        model.addAttribute("controlCount", controls.size());
        model.addAttribute("themes", byGroup(controls));
        return ISO;
    }

    @GetMapping("/catalog/soc2")
    String soc2(Model model) {
        model.addAttribute("version", catalog.currentVersion(Catalogue.TSC));
        model.addAttribute("categories", byGroup(catalog.criteria()));
        return SOC2;
    }

    @GetMapping("/catalog/controls/{id}")
    String item(@PathVariable String id, Model model) {
        CatalogEntry entry = catalog.entry(id);
        model.addAttribute("entry", entry);
        model.addAttribute("item", entry.item());
        model.addAttribute("version", catalog.currentVersion(
                entry.item().kind() == ItemKind.TSC_CRITERION ? Catalogue.TSC : Catalogue.ISO27001));
        return ITEM;
    }

    private static Map<String, List<CatalogItem>> byGroup(List<CatalogItem> items) {
        return items.stream().collect(Collectors.groupingBy(CatalogItem::group, LinkedHashMap::new, Collectors.toList()));
    }
}
