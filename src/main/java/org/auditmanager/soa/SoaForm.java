package org.auditmanager.soa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.auditmanager.catalog.CatalogItem;

/** The SoA page's form: one row per Annex A control, in Annex A order. */
public class SoaForm {

    private List<Row> rows = new ArrayList<>();

    /** A row per control, filled with the decisions taken so far. */
    static SoaForm of(List<CatalogItem> controls, List<SoaEntry> entries) {
        Map<String, SoaEntry> byControl = entries.stream().collect(Collectors.toMap(SoaEntry::controlId, Function.identity()));
        SoaForm form = new SoaForm();
        controls.forEach(control -> {
            SoaEntry entry = byControl.get(control.id());
            Row row = new Row();
            row.setControlId(control.id());
            if (entry != null) {
                row.setApplicable(entry.applicable());
                row.setJustification(entry.justification());
                row.setImplementationStatus(entry.implementationStatus());
            }
            form.rows.add(row);
        });
        return form;
    }

    /** A row left entirely empty is an undecided control, not an entry. */
    static boolean isUndecided(Row row) {
        return row.getApplicable() == null && (row.getJustification() == null || row.getJustification().isBlank());
    }

    public List<Row> getRows() {
        return rows;
    }

    public void setRows(List<Row> rows) {
        this.rows = rows == null ? new ArrayList<>() : rows;
    }

    public static class Row {

        private String controlId;
        private Boolean applicable;
        private String justification;
        private ImplementationStatus implementationStatus;

        SoaEntry toEntry() {
            return new SoaEntry(controlId, applicable, justification, implementationStatus);
        }

        public String getControlId() { return controlId; }
        public void setControlId(String controlId) { this.controlId = controlId; }
        public Boolean getApplicable() { return applicable; }
        public void setApplicable(Boolean applicable) { this.applicable = applicable; }
        public String getJustification() { return justification; }
        public void setJustification(String justification) { this.justification = justification; }
        public ImplementationStatus getImplementationStatus() { return implementationStatus; }
        public void setImplementationStatus(ImplementationStatus implementationStatus) {
            this.implementationStatus = implementationStatus;
        }
    }
}
