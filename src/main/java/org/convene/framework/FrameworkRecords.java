package org.convene.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentVersions;
import org.convene.document.Documents;
import org.convene.document.VersionStatus;

/**
 * What the recommendations and the framework share as records: when they are locked (their
 * document's latest version is with the reviewers, signed off or approved), and how a list of
 * references to other records (findings, recommendations) is checked.
 */
final class FrameworkRecords {

    private FrameworkRecords() {
    }

    /**
     * Why the records written as the meeting's document of this kind cannot change now; empty while
     * they can (no version yet, or the latest was sent back).
     *
     * @param what "The recommendations of EM-2027-AMMAN", as the sentence starts
     */
    static Optional<String> whyLocked(Documents documents, DocumentVersions statuses, String meetingCode,
                                      DocumentKind kind, String what) {
        return documents.latest(meetingCode, kind, "").flatMap(version -> {
            VersionStatus status = statuses.status(version);
            return switch (status) {
                case IN_SIGN_OFF, SIGNED_OFF, APPROVED -> Optional.of(what + ": version " + version.version() + " is "
                        + status.label() + " and cannot change"
                        + (status == VersionStatus.APPROVED ? "." : " unless it is sent back."));
                default -> Optional.empty();
            };
        });
    }

    /**
     * The words of a reference check's messages.
     *
     * @param none    the message when the list is empty
     * @param example an id as the "name each" message gives it, e.g. {@code WG1-F3}
     * @param other   the message for a reference to another meeting's record, from (id, that meeting)
     * @param unknown the message for an id the meeting does not have, from the id
     */
    record Words(String none, String example, java.util.function.BiFunction<String, String, String> other,
                 Function<String, String> unknown) {
    }

    /**
     * The ids of the meeting's records that {@code refs} name, each once, in order. A reference is an
     * id ({@code WG1-F3}) or {@code <meeting code>/<id>}; what is wrong goes to {@code errors} under
     * {@code field} (an empty list) or {@code field[i]} (one reference).
     */
    static List<String> references(String meetingCode, List<String> refs, Set<String> known, String field,
                                   Map<String, String> errors, Words words) {
        if (refs.isEmpty()) {
            errors.put(field, words.none());
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i) == null || refs.get(i).isBlank() ? null : refs.get(i).strip();
            String at = field + "[" + i + "]";
            int slash = ref == null ? -1 : ref.lastIndexOf('/');
            String meeting = slash < 0 ? meetingCode : ref.substring(0, slash).strip();
            String id = slash < 0 ? ref : ref.substring(slash + 1).strip();
            if (ref == null) {
                errors.put(at, "Name each by its id, e.g. " + words.example() + ".");
            } else if (!meeting.equals(meetingCode)) {
                errors.put(at, words.other().apply(id, meeting));
            } else if (!known.contains(id)) {
                errors.put(at, words.unknown().apply(id));
            } else if (ids.contains(id)) {
                errors.put(at, id + " is cited twice.");
            } else {
                ids.add(id);
            }
        }
        return ids;
    }
}
