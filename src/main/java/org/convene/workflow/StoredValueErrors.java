package org.convene.workflow;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A value that the database refused as data (SQLState class 22, "data exception": too long, out
 * of range, a character it cannot store such as NUL) is the caller's input, not the server's
 * fault: the REST API and the pages answer 400 with what {@link #describe} says.
 */
final class StoredValueErrors {

    private StoredValueErrors() {
    }

    /** @return a sentence for the person who sent the value, when {@code thrown} was caused by a data exception */
    static Optional<String> describe(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return Optional.of(switch (sql.getSQLState()) {
                    case "22001" -> "A value is too long to be stored (names, ids and business keys take at most "
                            + "255 characters). Nothing was saved.";
                    case "22021" -> "A text holds a character that cannot be stored (such as NUL, \\u0000). Nothing was saved.";
                    default -> "A value cannot be stored as given (out of range, or not of its kind). Nothing was saved.";
                });
            }
        }
        return Optional.empty();
    }
}
