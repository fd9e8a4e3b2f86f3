package org.convene.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A subject longer than cv_outbox_mail.subject is shortened at a character boundary, never inside one. */
class SubjectFittingTests {

    @Test
    void aShortSubjectIsKeptAsItIs() {
        assertThat(Outbox.fitted("Invitation: Expert meeting 🌍")).isEqualTo("Invitation: Expert meeting 🌍");
    }

    @Test
    void anEmojiAtTheCutIsLeftOutWhole() {
        // the emoji (a surrogate pair) takes units 298 and 299: cutting at 299 would leave half of it
        String subject = "x".repeat(Outbox.SUBJECT_LENGTH - 2) + "🌍" + " and more words after the cut";

        String fitted = Outbox.fitted(subject);

        assertThat(fitted).isEqualTo("x".repeat(Outbox.SUBJECT_LENGTH - 2) + "…");
        assertThat(fitted.length()).isLessThanOrEqualTo(Outbox.SUBJECT_LENGTH);
        assertRoundTrips(fitted);
    }

    @Test
    void anEmojiEndingRightBeforeTheEllipsisIsKept() {
        String subject = "x".repeat(Outbox.SUBJECT_LENGTH - 3) + "🌍" + "y".repeat(40);

        assertThat(Outbox.fitted(subject)).isEqualTo("x".repeat(Outbox.SUBJECT_LENGTH - 3) + "🌍…");
    }

    @Test
    void aLetterWithItsCombiningMarkIsNeverSplit() {
        // "é" written as e + U+0301 at units 298-299
        String subject = "x".repeat(Outbox.SUBJECT_LENGTH - 2) + "e\u0301" + "z".repeat(10);

        assertThat(Outbox.fitted(subject)).isEqualTo("x".repeat(Outbox.SUBJECT_LENGTH - 2) + "…");
    }

    @Test
    void anArabicTitleIsShortenedAtALetter() {
        String title = "دعوة: اجتماع الخبراء بشأن التعاون الدولي لتقاسم الأعباء والمسؤوليات تجاه اللاجئين، عمّان ";
        String subject = title.repeat(6);

        String fitted = Outbox.fitted(subject);

        assertThat(fitted).endsWith("…").hasSizeLessThanOrEqualTo(Outbox.SUBJECT_LENGTH);
        assertThat(subject).startsWith(fitted.substring(0, fitted.length() - 1));
        assertRoundTrips(fitted);
    }

    @Test
    void aMessageIdCarriesNoCharacterItCannot() {
        assertThat(Outbox.messageId("reminder-7-ServiceTask_SendReminder:4f2a", "EM-2027-AMMAN"))
                .isEqualTo("<reminder-7-ServiceTask_SendReminder_4f2a.EM-2027-AMMAN@convene>");
    }

    /** No lone surrogate: what the database would store as "?". */
    private static void assertRoundTrips(String text) {
        assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(text);
    }
}
