package org.convene.meeting;

/**
 * The milestones of a meeting's timeline, counted back from the start of its first session in the
 * venue's calendar, each with its default and what it sets. Each falls on or after the one named
 * as {@link #notBefore()} (a list is compiled before it is approved, invitations go out before
 * replies are due, a draft comes before the pack it goes into).
 */
public enum Milestone {
    PARTICIPANT_LIST_COMPILED(63, null, "Participant list compiled", "Compile participant list"),
    INVITATIONS_OUT(56, PARTICIPANT_LIST_COMPILED, "Invitations out", "Approve participant list (the invitations go out when it is approved)"),
    AGENDA_DRAFTED(49, null, "Agenda drafted", "Draft agenda"),
    AGENDA_APPROVED(42, AGENDA_DRAFTED, "Agenda approved", "Approve agenda"),
    BACKGROUND_PAPER_COMMISSIONED(49, null, "Background paper commissioned", "Commission background paper"),
    BACKGROUND_PAPER_DRAFTED(28, BACKGROUND_PAPER_COMMISSIONED, "Background paper drafted", "Submit background paper draft"),
    REPLIES_DUE(21, INVITATIONS_OUT, "Replies due",
            "The reply deadline of each invitation sent from now on, its reminders and its lapse"),
    DOCUMENTATION_PACK_CIRCULATED(21, BACKGROUND_PAPER_DRAFTED, "Documentation pack circulated",
            "Circulate documentation pack, and the reminder when it is late");

    /** The most days before the meeting a milestone may be set. */
    public static final int MOST_DAYS_BEFORE = 365;

    private final int defaultDaysBefore;
    private final Milestone notBefore;
    private final String label;
    private final String sets;

    Milestone(int defaultDaysBefore, Milestone notBefore, String label, String sets) {
        this.defaultDaysBefore = defaultDaysBefore;
        this.notBefore = notBefore;
        this.label = label;
        this.sets = sets;
    }

    /** Days before the first session when staff have not moved it. */
    public int defaultDaysBefore() {
        return defaultDaysBefore;
    }

    /** The milestone this one may not come before; null for none. */
    public Milestone notBefore() {
        return notBefore;
    }

    /** "Invitations out". */
    public String label() {
        return label;
    }

    /** The user tasks and timers whose due date it is, in words. */
    public String sets() {
        return sets;
    }
}
