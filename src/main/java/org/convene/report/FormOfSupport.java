package org.convene.report;

/**
 * The forms of burden and responsibility sharing, as a working group's cooperative arrangement
 * names them and the Common Framework's operational toolbox lists them (one list for both: the
 * framework cites the arrangements and findings by these values). Stored and sent by name.
 */
public enum FormOfSupport implements Choice {
    FINANCIAL("financial"),
    MATERIAL("material"),
    TECHNICAL("technical"),
    /** Resettlement places, humanitarian evacuation or admission, places of disembarkation. */
    PHYSICAL("physical (resettlement)"),
    POLITICAL("political");

    private final String label;

    FormOfSupport(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
