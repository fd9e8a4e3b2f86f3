package org.convene.report;

/**
 * Where a working group's report stands. DRAFTING: staff enter it for the rapporteur (again after
 * the chair returned it). SUBMITTED: with the chair for validation; it cannot change. VALIDATED:
 * the chair signed the version; it stays as signed, and only the plenary's findings are added.
 * PRESENTED: presented in plenary with the plenary's additions; nothing changes any more.
 */
public enum ReportStage {
    DRAFTING("being drafted"),
    SUBMITTED("with the chair for validation"),
    VALIDATED("validated by the chair"),
    PRESENTED("presented in plenary");

    private final String label;

    ReportStage(String label) {
        this.label = label;
    }

    /** "validated by the chair". */
    public String label() {
        return label;
    }

    /** Whether staff may change arrangements and findings that the working group itself made. */
    public boolean editable() {
        return this == DRAFTING;
    }
}
