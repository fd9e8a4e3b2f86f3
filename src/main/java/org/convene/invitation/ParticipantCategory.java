package org.convene.invitation;

/** The categories of participants of an expert meeting (the seed's concept note). */
public enum ParticipantCategory {
    GOV("Senior government representatives"),
    IO("International organizations"),
    REG("Regional bodies"),
    NGO("Non-governmental organizations"),
    ACA("Academics and independent experts");

    private final String label;

    ParticipantCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
