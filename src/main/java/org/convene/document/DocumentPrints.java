package org.convene.document;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convene.identity.UserDirectory;
import org.convene.workflow.MeetingHeadings;
import org.springframework.stereotype.Component;

/**
 * A document version as it prints (PDF and DOCX): the document's title; under it the meeting, the
 * version with its status, and who wrote it when; the text; and, once signed off, the signatures
 * (who, when, which version, the SHA-256 of the text signed). The footer names the meeting, the
 * document and the version on every page. Other modules take a version's PDF from here
 * ({@link #pdf(long)}: the invitation module mails the background paper with it).
 */
@Component
public class DocumentPrints {

    /**
     * A version printed to a file: {@code fileName} as a download or an attachment names it
     * ({@code EM-2027-AMMAN Background paper v2.pdf}), {@code content} its bytes.
     */
    public record PrintedFile(String fileName, byte[] content) {
    }

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private final DocumentExports exports;
    private final DocumentVersions statuses;
    private final SignOff signOff;
    private final UserDirectory users;
    private final MeetingHeadings meetings;
    private final DocumentStore store;

    DocumentPrints(DocumentExports exports, DocumentVersions statuses, SignOff signOff, UserDirectory users,
                   MeetingHeadings meetings, DocumentStore store) {
        this.store = store;
        this.exports = exports;
        this.statuses = statuses;
        this.signOff = signOff;
        this.users = users;
        this.meetings = meetings;
    }

    /**
     * The PDF of a version, the same as its page's download: title, meeting, version and status,
     * the text, and once signed off the signatures.
     *
     * @throws org.springframework.dao.EmptyResultDataAccessException for an unknown id
     */
    public PrintedFile pdf(long versionId) {
        Documents.Version version = store.version(versionId);
        Documents.Document document = store.document(version.documentId());
        return new PrintedFile(fileName(document, version) + ".pdf", pdf(document, version));
    }

    byte[] pdf(Documents.Document document, Documents.Version version) {
        return exports.pdf(printed(document, version));
    }

    byte[] docx(Documents.Document document, Documents.Version version) {
        return exports.docx(printed(document, version));
    }

    /** The meeting's heading; empty for an unknown code. */
    Optional<MeetingHeadings.Heading> meeting(String code) {
        return meetings.find(code);
    }

    /** e.g. "EM-2011-AMMAN Background paper v2" (no extension). */
    String fileName(Documents.Document document, Documents.Version version) {
        return document.meetingCode() + " " + document.title() + " v" + version.version();
    }

    PrintedDocument printed(Documents.Document document, Documents.Version version) {
        VersionStatus status = statuses.status(version);
        List<SignOff.Signature> signatures = signOff.signatures(version.id());
        List<String> subtitle = new ArrayList<>();
        subtitle.add(meetings.find(document.meetingCode())
                .map(m -> m.title() + " · " + m.place() + ", " + m.datesLabel())
                .orElse(document.meetingCode()));
        subtitle.add("Version " + version.version() + " · " + status.label());
        subtitle.add("Written by " + name(version.author()) + ", "
                + version.createdAt().withOffsetSameInstant(ZoneOffset.UTC).format(WRITTEN));
        List<PrintedDocument.Block> blocks = new ArrayList<>();
        blocks.add(new PrintedDocument.Markdown(version.body()));
        boolean signed = status == VersionStatus.SIGNED_OFF || status == VersionStatus.APPROVED;
        if (signed && !signatures.isEmpty()) {
            blocks.add(new PrintedDocument.Signatures(signatures.stream().map(this::signature).toList()));
        }
        return new PrintedDocument(document.title(), subtitle, blocks, document.meetingCode() + " · " + document.title()
                + ", version " + version.version() + " (" + status.label() + ")");
    }

    private PrintedDocument.Signature signature(SignOff.Signature signature) {
        String name = signature.decidedBy() == null ? signature.reviewerName()
                : signature.reviewerName() + ", decided by " + name(signature.decidedBy());
        return new PrintedDocument.Signature(signature.reviewer(), name, signature.signedAt(), signature.version(),
                signature.sha256());
    }

    private String name(String userId) {
        return userId == null ? "the system" : users.find(userId).map(UserDirectory.Person::name).orElse(userId);
    }
}
