package org.convene.identity;

/** The page an invitee sees once a signed link's action was done. */
public record LinkResult(String title, String message) {
}
