package org.convene.report;

/** The phases of the displacement cycle a cooperative arrangement covers. */
public enum DisplacementPhase implements Choice {
    EMERGENCY("emergency"),
    PROTRACTED("protracted"),
    SOLUTIONS("solutions");

    private final String label;

    DisplacementPhase(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
