package org.convene.meeting;

/** The kinds of session on an agenda. */
public enum SessionKind {
    PLENARY("Plenary"),
    WORKING_GROUP("Working group"),
    BREAK("Break"),
    RECEPTION("Reception");

    private final String label;

    SessionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
