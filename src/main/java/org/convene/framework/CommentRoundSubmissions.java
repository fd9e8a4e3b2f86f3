package org.convene.framework;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.convene.document.Documents;
import org.convene.identity.SignedLinkRefusal;
import org.convene.identity.Verification;
import org.convene.invitation.Participants;
import org.convene.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a participant's comment link leads to, and the comments it sends: form fields
 * {@code paragraph-<n>} (a comment on the draft's paragraph n, {@link ConclusionsParagraphs}) and
 * {@code overall} (on the whole draft), each optional, at most {@value #MAX_LENGTH} characters. A
 * submission is checked whole before anything is stored, and stored with its link marked used in one
 * transaction: a refusal ({@link SignedLinkRefusal}, a 4xx page) stores nothing and leaves the link
 * unused. One submission per participant and round: a second one (the form sent again, another link)
 * is refused with the time the first was received. After the round's deadline (by the engine's
 * clock, in production the system's) nothing is taken. Stored comments are announced
 * ({@link ConclusionsCommented}: the meeting's audit trail).
 */
@Component
class CommentRoundSubmissions {

    static final String OVERALL = "overall";
    static final String PARAGRAPH = "paragraph-";
    static final int MAX_LENGTH = 5000;

    /** What the link is for: the round, the participant, the draft they read. */
    record Opened(CommentRound.Round round, Participants.Participant participant, String draft) {
    }

    /** A comment received: on paragraph {@code paragraph} (its text then), or on the whole draft (0). */
    record Received(int paragraph, String paragraphText, String comment, Instant receivedAt) {
    }

    private final CommentRoundLinks links;
    private final CommentRound rounds;
    private final Participants participants;
    private final Documents documents;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CommentRoundSubmissions(CommentRoundLinks links, CommentRound rounds, Participants participants, Documents documents,
                            JdbcClient jdbc, ApplicationEventPublisher events) {
        this.events = events;
        this.links = links;
        this.rounds = rounds;
        this.participants = participants;
        this.documents = documents;
        this.jdbc = jdbc;
    }

    /**
     * The link's round, participant and draft; changes nothing.
     *
     * @throws SignedLinkRefusal 400 for a changed or forged link, 404 when its round or participant is
     *                           gone, 410 once the round closed
     */
    Opened open(CommentRoundLinks.Checked link) {
        CommentRound.Round round = rounds.round(link.roundId())
                .filter(r -> r.meetingCode().equals(link.claims().meetingCode()))
                .orElseThrow(() -> new SignedLinkRefusal(404, "No comment round for this link",
                        "We hold no comment round for this link. Please write to the secretariat."));
        Participants.Participant participant;
        try {
            participant = participants.get(link.participantId());
        } catch (EmptyResultDataAccessException gone) {
            throw new SignedLinkRefusal(404, "No participant for this link",
                    "This link's participant is no longer on the meeting's list. Please write to the secretariat.");
        }
        String draft = round.versionId() == null ? "" : documents.version(round.versionId()).body();
        return new Opened(round, participant, draft);
    }

    /** What this participant sent in this round, by paragraph; empty while they sent nothing. */
    List<Received> received(long roundId, long participantId) {
        return jdbc.sql("""
                        select paragraph, paragraph_text, comments, received_at from cv_participant_comment
                        where comment_round_id = ? and participant_id = ? order by id""")
                .params(roundId, participantId)
                .query((rs, n) -> new Received(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Refuses a link that can take no comment now: 409 when this participant's comments were received
     * (with when), 410 once the round closed, 409 for a link used otherwise.
     */
    void requireOpen(CommentRoundLinks.Checked link, Opened opened) {
        List<Received> before = received(link.roundId(), link.participantId());
        if (!before.isEmpty()) {
            throw new SignedLinkRefusal(409, "Your comments were already received",
                    "We received your comments on " + CommentRound.timeLabel(before.get(0).receivedAt(), opened.round().zone())
                            + ". A link takes one set of comments, so nothing was recorded again. Please write to the "
                            + "secretariat if you wish to add to them.");
        }
        if (!opened.round().openAt(EngineClock.instant()) || link.outcome() == Verification.Outcome.EXPIRED) {
            throw new SignedLinkRefusal(410, "The comment round has closed",
                    "Comments on the draft summary conclusions were taken until " + opened.round().deadlineLabel()
                            + ", and nothing was recorded now. Silence meant no objection. Please write to the "
                            + "secretariat if you still wish to comment.");
        }
        if (link.outcome() == Verification.Outcome.USED) {
            throw new SignedLinkRefusal(409, Verification.Outcome.USED.title(), Verification.Outcome.USED.message());
        }
    }

    /**
     * Stores the comments sent through the link, and marks the link used.
     *
     * @param form the submitted fields (untrusted)
     * @return what was stored, by paragraph (0 for the whole draft)
     * @throws SignedLinkRefusal 400 for a changed link, a paragraph the draft does not have, a comment too
     *                           long, or no comment at all; 409 and 410 as {@link #requireOpen}; nothing is stored
     */
    @Transactional
    List<Received> submit(String token, Map<String, String> form) {
        CommentRoundLinks.Checked link = links.check(token);
        Opened opened = open(link);
        requireOpen(link, opened);
        Map<Integer, String> comments = comments(opened.draft(), form);
        links.consume(token);
        Instant now = EngineClock.instant();
        List<Received> stored = new ArrayList<>();
        try {
            for (Map.Entry<Integer, String> c : comments.entrySet()) {
                String paragraph = c.getKey() == 0 ? null
                        : ConclusionsParagraphs.numbered(opened.draft(), c.getKey()).orElseThrow().markdown();
                jdbc.sql("""
                                insert into cv_participant_comment (comment_round_id, participant_id, participant_name,
                                paragraph, paragraph_text, comments, received_at) values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(opened.round().id(), link.participantId(), opened.participant().fullName(), c.getKey(),
                                paragraph, c.getValue(), now.atOffset(ZoneOffset.UTC))
                        .update();
                stored.add(new Received(c.getKey(), paragraph, c.getValue(), now));
            }
        } catch (DuplicateKeyException sentMeanwhile) {
            throw new SignedLinkRefusal(409, "Your comments were already received",
                    "Your comments crossed a copy of them sent at the same moment; they were recorded once.");
        }
        events.publishEvent(new ConclusionsCommented(opened.round().meetingCode(), opened.participant().fullName(),
                onWhat(comments.keySet()), now, null));
        return stored;
    }

    /** "paragraph 2", "paragraphs 2 and 5, the whole draft", "the whole draft". */
    private static String onWhat(java.util.Set<Integer> paragraphs) {
        List<String> numbers = paragraphs.stream().filter(p -> p > 0).map(String::valueOf).toList();
        String on = numbers.isEmpty() ? "" : numbers.size() == 1 ? "paragraph " + numbers.get(0)
                : "paragraphs " + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and " + numbers.get(numbers.size() - 1);
        return paragraphs.contains(0) ? (on.isEmpty() ? "the whole draft" : on + ", the whole draft") : on;
    }

    private static Map<Integer, String> comments(String draft, Map<String, String> form) {
        // by paragraph, the whole draft last: the order they are stored and read in
        Map<Integer, String> comments = new TreeMap<>(Comparator.comparingInt(p -> p == 0 ? Integer.MAX_VALUE : p));
        for (Map.Entry<String, String> field : form.entrySet()) {
            String value = field.getValue() == null ? "" : field.getValue().strip();
            if (value.isEmpty()) {
                continue;
            }
            int paragraph;
            if (OVERALL.equals(field.getKey())) {
                paragraph = 0;
            } else if (field.getKey().matches(PARAGRAPH + "\\d{1,6}")) {
                paragraph = Integer.parseInt(field.getKey().substring(PARAGRAPH.length()));
                if (ConclusionsParagraphs.numbered(draft, paragraph).isEmpty()) {
                    throw new SignedLinkRefusal(400, "This comment cannot be recorded",
                            "The draft has no paragraph " + paragraph + ". Nothing was recorded; please open the "
                                    + "link from the e-mail again.");
                }
            } else {
                continue;
            }
            if (value.length() > MAX_LENGTH) {
                throw new SignedLinkRefusal(400, "A comment is too long",
                        "The comment on " + (paragraph == 0 ? "the whole draft" : "paragraph " + paragraph) + " has "
                                + value.length() + " characters; at most " + MAX_LENGTH + " are taken. Nothing was "
                                + "recorded: please shorten it and send your comments again.");
            }
            comments.put(paragraph, value);
        }
        if (comments.isEmpty()) {
            throw new SignedLinkRefusal(400, "No comment to send",
                    "Write a comment on a paragraph or on the whole draft before sending. If you have none, you need "
                            + "not answer: silence means no objection. Nothing was recorded.");
        }
        return comments;
    }
}
