package org.convene.identity;

/** The Camunda groups of the people who use Convene (DESIGN.md: the people and where they work). */
public final class ConveneGroups {

    public static final String STAFF = "convener-staff";
    public static final String MANAGERS = "managers";
    public static final String REVIEWERS = "reviewers";
    public static final String ADMINS = "camunda-admin";

    private ConveneGroups() {
    }
}
