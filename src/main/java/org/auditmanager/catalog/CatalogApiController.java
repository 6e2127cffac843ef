package org.auditmanager.catalog;

import java.util.List;
import java.util.Map;
import org.auditmanager.common.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalogues are public reference data: every signed-in user may read them. */
@RestController
@RequestMapping("/api/catalog")
class CatalogApiController {

    private final Catalog catalog;

    CatalogApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<CatalogueVersion> catalogues() {
        return catalog.versions();
    }

    @GetMapping("/iso27001/controls")
    List<CatalogItem> isoControls(@RequestParam(required = false) String theme) {
        return theme == null || theme.isBlank() ? catalog.isoControls() : catalog.isoControls(theme);
    }

    @GetMapping("/iso27001/clauses")
    List<CatalogItem> isoClauses() {
        return catalog.isoClauses();
    }

    /** {@code ?category=} may repeat: {@code ?category=Security&category=Availability}. */
    @GetMapping("/soc2/criteria")
    List<CatalogItem> criteria(@RequestParam(required = false) List<String> category) {
        return catalog.criteria(category);
    }

    @GetMapping("/controls/{id}")
    CatalogEntry control(@PathVariable String id) {
        return catalog.entry(id);
    }

    @GetMapping("/mappings")
    Mappings mappings(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        if ((from == null) == (to == null)) {
            String detail = "Give either from (a trust services criterion such as CC6.1) or to (an ISO/IEC 27001 "
                    + "control or clause such as A.5.15), not both.";
            throw new InvalidInputException(detail, Map.of(from == null ? "from" : "to", detail));
        }
        return from != null ? catalog.mappingsFrom(from) : catalog.mappingsTo(to);
    }
}
