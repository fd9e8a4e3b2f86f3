package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.convene.ConveneIntegrationTest;
import org.convene.TestMeetings;
import org.convene.meeting.Meeting;
import org.convene.meeting.MeetingNotFoundException;
import org.convene.meeting.Meetings;
import org.convene.workflow.ChangeRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The participant list's rules, checked by the service whoever calls it; a refused change stores nothing. */
@ConveneIntegrationTest
class ParticipantsTests {

    @Autowired Meetings meetings;
    @Autowired Participants participants;
    @Autowired Invitations invitations;

    String code;

    @BeforeEach
    void registerMeeting() {
        code = TestMeetings.newCode("PS");
        meetings.register(new Meeting(code, "Expert meeting", "Amman, Jordan", ZoneId.of("Asia/Amman"),
                LocalDate.of(2027, 2, 8), 2), null, "lena");
    }

    @Test
    void shouldStoreTheAddressInLowerCaseAndTakeItOncePerMeeting() {
        participants.add(code, new Participants.NewParticipant(" Amira Khalil ", "Ministry", "GOV", "A.Khalil@Gov.example", null));

        assertThat(participants.list(code)).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Amira Khalil");
            assertThat(p.email()).isEqualTo("a.khalil@gov.example");
            assertThat(p.reserve()).isFalse();
            assertThat(p.invited()).isFalse();
        });
        assertThatThrownBy(() -> participants.add(code,
                new Participants.NewParticipant("Other", "IOM", "IO", "a.khalil@gov.EXAMPLE", true)))
                .isInstanceOf(ChangeRefused.class)
                .hasMessageContaining("The address a.khalil@gov.example is already listed for this meeting: Amira Khalil");
        assertThat(participants.list(code)).hasSize(1);

        String other = TestMeetings.newCode("PS");
        meetings.register(new Meeting(other, "Other", "Geneva", ZoneId.of("Europe/Zurich"), LocalDate.of(2027, 3, 1), 1),
                null, "lena");
        participants.add(other, new Participants.NewParticipant("Amira Khalil", "Ministry", "GOV", "a.khalil@gov.example", false));
        assertThat(participants.list(other)).hasSize(1);
    }

    @Test
    void shouldRefuseMissingFieldsAnUnknownCategoryAndABadAddress() {
        assertThatThrownBy(() -> participants.add(code, new Participants.NewParticipant("", " ", "MEDIA", "a@b", false)))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                        .containsOnlyKeys("name", "organisation", "category", "email")
                        .containsEntry("name", "Give the name.")
                        .containsEntry("email", "'a@b' is not an e-mail address: write it as name@example.org."));
        for (String bad : new String[] {"two@x.org, three@y.org", "Name <n@x.org>", "n@x", "@x.org", "n@@x.org", "n x@x.org"}) {
            assertThatThrownBy(() -> participants.add(code, new Participants.NewParticipant("N", "O", "GOV", bad, false)))
                    .as(bad).isInstanceOf(ChangeRefused.class).hasMessageContaining("is not an e-mail address");
        }
        assertThatThrownBy(() -> participants.add(code, new Participants.NewParticipant("x".repeat(201), "O", "GOV", "n@x.org", false)))
                .hasMessageContaining("The name is 201 characters long; at most 200 fit.");
        assertThatThrownBy(() -> participants.add("NO-SUCH", new Participants.NewParticipant("N", "O", "GOV", "n@x.org", false)))
                .isInstanceOf(MeetingNotFoundException.class);
        assertThat(participants.list(code)).isEmpty();
    }

    @Test
    void shouldKeepAnInvitedParticipantWhereTheyAre() {
        long id = participants.add(code, new Participants.NewParticipant("Peter Mwangi", "IOM", "IO", "p.mwangi@iom.example", false));
        invitations.send(code, id, "a seat's process instance");

        assertThatThrownBy(() -> participants.remove(code, id)).isInstanceOf(ChangeRefused.class)
                .hasMessageContaining("Peter Mwangi has already been invited and cannot be removed.");
        assertThatThrownBy(() -> participants.moveTo(code, id, true))
                .hasMessageContaining("Peter Mwangi has already been invited and cannot be moved to the reserve.");
        assertThat(participants.get(id)).satisfies(p -> {
            assertThat(p.reserve()).isFalse();
            assertThat(p.invitationStatus()).isEqualTo(InvitationStatus.SENT);
        });
    }

    @Test
    void shouldRefuseToChangeAParticipantOfAnotherMeeting() {
        String other = TestMeetings.newCode("PS");
        meetings.register(new Meeting(other, "Other", "Geneva", ZoneId.of("Europe/Zurich"), LocalDate.of(2027, 3, 1), 1),
                null, "lena");
        long foreign = participants.add(other, new Participants.NewParticipant("N", "O", "GOV", "n@x.org", false));

        assertThatThrownBy(() -> participants.remove(code, foreign))
                .hasMessageContaining("That participant is no longer on this meeting's list.");
        assertThat(participants.list(other)).hasSize(1);
    }
}
