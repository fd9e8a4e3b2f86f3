package org.convene.report;

/** The scale of a cooperative arrangement: targeted at one situation or group, or comprehensive. */
public enum Scale implements Choice {
    TARGETED("targeted"),
    COMPREHENSIVE("comprehensive");

    private final String label;

    Scale(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
