package org.convene.report;

/** How long a cooperative arrangement was meant to last: ad hoc, time-bound or standing. */
public enum TemporalScope implements Choice {
    AD_HOC("ad hoc"),
    TIME_BOUND("time-bound"),
    STANDING("standing");

    private final String label;

    TemporalScope(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
