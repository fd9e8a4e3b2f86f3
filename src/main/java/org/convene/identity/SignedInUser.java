package org.convene.identity;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The person behind the current page request, as the app's pages show it: the header names
 * them, and the pages offer their forms only to those who may change the data (the server
 * enforces the same rule in {@link SecurityConfiguration}). Templates reach it as
 * {@code @signedInUser}, so error pages rendered outside a controller see it too.
 */
@Component("signedInUser")
public class SignedInUser {

    private final UserDirectory directory;

    SignedInUser(UserDirectory directory) {
        this.directory = directory;
    }

    /** The user id, or null when nobody is signed in. */
    public String id() {
        return authentication().map(Authentication::getName).orElse(null);
    }

    /** "Lena Haddad", or the user id when the user has no name; null when nobody is signed in. */
    public String name() {
        String id = id();
        return id == null ? null : directory.find(id).map(UserDirectory.Person::name).orElse(id);
    }

    /** Whether the signed-in user is a member of the group (a Camunda group id, e.g. {@code managers}); false when nobody is signed in. */
    public boolean inGroup(String group) {
        return authentication().stream().flatMap(a -> a.getAuthorities().stream())
                .map(GrantedAuthority::getAuthority).anyMatch(group::equals);
    }

    /** Staff and administrators change meetings, agendas and participant lists; others read them. */
    public boolean canEdit() {
        return inGroup(ConveneGroups.STAFF) || inGroup(ConveneGroups.ADMINS);
    }

    /** Staff, managers and administrators cancel a meeting (with a reason); the same rule as {@link SecurityConfiguration}'s. */
    public boolean cancelsMeetings() {
        return Arrays.stream(SecurityConfiguration.CANCELLERS).anyMatch(this::inGroup);
    }

    /** Cockpit is open to managers and administrators only. */
    public boolean usesCockpit() {
        return inGroup(ConveneGroups.MANAGERS) || inGroup(ConveneGroups.ADMINS);
    }

    /**
     * A meeting's participants (page, CSV export and JSON: names, addresses, the needs of those who
     * accepted) are for staff, managers and administrators, not reviewers: the same rule as
     * {@link SecurityConfiguration}'s for the pages, which the JSON API checks through this.
     */
    public boolean readsParticipants() {
        return Arrays.stream(SecurityConfiguration.PARTICIPANT_READERS).anyMatch(this::inGroup);
    }

    /**
     * A meeting's concept note and agenda as files (PDF, DOCX, the agenda's calendar) are for staff,
     * managers and administrators: the same rule as {@link SecurityConfiguration}'s, which the pages
     * check through this to offer the links.
     */
    public boolean readsMeetingFiles() {
        return Arrays.stream(SecurityConfiguration.MEETING_FILE_READERS).anyMatch(this::inGroup);
    }

    /**
     * A meeting's audit trail (page, CSV and JSON) is for managers and administrators: the same
     * rule as {@link SecurityConfiguration}'s for the pages, which the JSON API checks through this.
     */
    public boolean readsAudit() {
        return Arrays.stream(SecurityConfiguration.AUDITORS).anyMatch(this::inGroup);
    }

    /**
     * A meeting's mails (page and JSON) carry the invitees' signed links: staff and administrators
     * read them. The same rule as {@link SecurityConfiguration}'s for the pages, which the JSON API
     * checks through this.
     */
    public boolean readsMail() {
        return Arrays.stream(SecurityConfiguration.MAIL_READERS).anyMatch(this::inGroup);
    }

    /** What changed in a meeting's concept note is for staff, managers and administrators: the same rule as {@link SecurityConfiguration}'s. */
    public boolean readsConceptNoteChanges() {
        return Arrays.stream(SecurityConfiguration.CONCEPT_NOTE_READERS).anyMatch(this::inGroup);
    }

    private static Optional<Authentication> authentication() {
        return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
                .filter(Authentication::isAuthenticated)
                .filter(a -> !"anonymousUser".equals(a.getName()));
    }
}
