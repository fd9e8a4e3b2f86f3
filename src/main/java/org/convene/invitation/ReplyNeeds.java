package org.convene.invitation;

/**
 * The practical needs an invitee gives with an acceptance (kept with the reply): travel support,
 * a visa letter, dietary requirements and accessibility needs (free text, at most
 * {@link #TEXT_LENGTH} characters each, null when none).
 */
public record ReplyNeeds(boolean travelSupport, boolean visaLetter, String dietary, String accessibility) {

    /** The most characters of each free-text need. */
    public static final int TEXT_LENGTH = 500;

    /** No needs (a decline, or an acceptance that asks for nothing). */
    public static final ReplyNeeds NONE = new ReplyNeeds(false, false, null, null);

    public ReplyNeeds {
        dietary = blankToNull(dietary);
        accessibility = blankToNull(accessibility);
    }

    /** Whether anything is asked for. */
    public boolean any() {
        return travelSupport || visaLetter || dietary != null || accessibility != null;
    }

    /** {@code travel support; visa letter; dietary: vegetarian}; empty when none. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        if (travelSupport) {
            text.append("travel support; ");
        }
        if (visaLetter) {
            text.append("visa letter; ");
        }
        if (dietary != null) {
            text.append("dietary: ").append(dietary).append("; ");
        }
        if (accessibility != null) {
            text.append("accessibility: ").append(accessibility).append("; ");
        }
        return text.isEmpty() ? "" : text.substring(0, text.length() - 2);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
