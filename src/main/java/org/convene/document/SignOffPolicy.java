package org.convene.document;

/**
 * How many of a sign-off's reviewers must sign: every one ({@code ALL}) or at least a
 * percentage ({@code PERCENT:nn}, rounded up to whole reviewers).
 *
 * @param percent the share of reviewers that must sign, 1 to 100; {@link #ALL} is 100
 */
public record SignOffPolicy(int percent) {

    /** Every reviewer must sign. */
    public static final SignOffPolicy ALL = new SignOffPolicy(100);

    private static final String PERCENT_PREFIX = "PERCENT:";

    /** @throws IllegalArgumentException when {@code percent} is not between 1 and 100 */
    public SignOffPolicy {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("A sign-off policy's percentage must be between 1 and 100, not " + percent);
        }
    }

    /**
     * The policy as the calling processes give it in {@link SignOffProcess#SIGN_OFF_POLICY}.
     *
     * @param text {@code ALL} or {@code PERCENT:nn}; null (or the text "null" of a missing variable) means ALL
     * @throws IllegalArgumentException for any other text, naming it
     */
    public static SignOffPolicy parse(String text) {
        if (text == null || text.equals("ALL") || text.equals("null")) {
            return ALL;
        }
        if (text.startsWith(PERCENT_PREFIX)) {
            try {
                return new SignOffPolicy(Integer.parseInt(text.substring(PERCENT_PREFIX.length())));
            } catch (NumberFormatException e) {
                // reported below with the whole text
            }
        }
        throw new IllegalArgumentException("Unknown sign-off policy " + text + " (ALL or PERCENT:nn)");
    }

    /** How many signatures are needed of {@code reviewers} reviewers (0 or more). */
    public int needed(int reviewers) {
        return (int) Math.ceil(reviewers * percent / 100.0);
    }

    /** {@code ALL} or {@code PERCENT:nn}, as {@link #parse(String)} reads it. */
    @Override
    public String toString() {
        return percent == 100 ? "ALL" : PERCENT_PREFIX + percent;
    }
}
