package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convene.ConveneIntegrationTest;
import org.convene.TestMeetings;
import org.convene.meeting.Meeting;
import org.convene.meeting.MeetingNotFoundException;
import org.convene.meeting.Meetings;
import org.convene.meeting.ParticipantCategory;
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
        participants.add(code, Participants.NewParticipant.of(" Amira Khalil ", "Ministry", "GOV", "A.Khalil@Gov.example", null));

        assertThat(participants.list(code)).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Amira Khalil");
            assertThat(p.email()).isEqualTo("a.khalil@gov.example");
            assertThat(p.reserve()).isFalse();
            assertThat(p.invited()).isFalse();
        });
        assertThatThrownBy(() -> participants.add(code,
                Participants.NewParticipant.of("Other", "IOM", "IO", "a.khalil@gov.EXAMPLE", true)))
                .isInstanceOf(ChangeRefused.class)
                .hasMessageContaining("The address a.khalil@gov.example is already listed for this meeting: Amira Khalil");
        assertThat(participants.list(code)).hasSize(1);

        String other = TestMeetings.newCode("PS");
        meetings.register(new Meeting(other, "Other", "Geneva", ZoneId.of("Europe/Zurich"), LocalDate.of(2027, 3, 1), 1),
                null, "lena");
        participants.add(other, Participants.NewParticipant.of("Amira Khalil", "Ministry", "GOV", "a.khalil@gov.example", false));
        assertThat(participants.list(other)).hasSize(1);
    }

    @Test
    void shouldRefuseMissingFieldsAnUnknownCategoryAndABadAddress() {
        assertThatThrownBy(() -> participants.add(code, Participants.NewParticipant.of("", " ", "MEDIA", "a@b", false)))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                        .containsOnlyKeys("name", "organisation", "category", "email")
                        .containsEntry("name", "Give the name.")
                        .containsEntry("email", "'a@b' is not an e-mail address: it has no dot in the part after the @ (b): "
                                + "a domain looks like example.org."));
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("two@x.org, three@y.org", "holds more than one address (a comma or semicolon)");
        reasons.put("Name <n@x.org>", "has a name or angle brackets around it");
        reasons.put("n@x", "has no dot in the part after the @ (x)");
        reasons.put("@x.org", "has nothing before the @");
        reasons.put("n@", "has nothing after the @");
        reasons.put("n.x.org", "has no @");
        reasons.put("n@@x.org", "has more than one @");
        reasons.put("n x@x.org", "contains a space");
        reasons.put("n\u00A0x@x.org", "contains a space");
        reasons.put("n@x.org.", "ends with a dot");
        reasons.put("n..m@x.org", "has two dots in a row");
        reasons.put(".n@x.org", "has a dot right at the start");
        reasons.put("n.@x.org", "has a dot right before the @");
        reasons.put("renée@x.org", "contains 'é', which an address cannot hold");
        reasons.put("n@x_y.org", "contains '_', which an address cannot hold (letters a–z, digits, dots, hyphens after the @)");
        reasons.put("n@-x.org", "has a part of the domain that starts or ends with a hyphen");
        reasons.forEach((bad, reason) -> assertThatThrownBy(() -> participants.add(code,
                Participants.NewParticipant.of("N", "O", "GOV", bad, false)))
                .as(bad).isInstanceOf(ChangeRefused.class)
                .hasMessageContaining("is not an e-mail address: it " + reason));
        assertThatThrownBy(() -> participants.add(code, Participants.NewParticipant.of("x".repeat(201), "O", "GOV", "n@x.org", false)))
                .hasMessageContaining("The name is 201 characters long; at most 200 fit.");
        assertThatThrownBy(() -> participants.add("NO-SUCH", Participants.NewParticipant.of("N", "O", "GOV", "n@x.org", false)))
                .isInstanceOf(MeetingNotFoundException.class);
        assertThat(participants.list(code)).isEmpty();
    }

    @Test
    void shouldCompareAddressesWithoutNoBreakSpacesZeroWidthCharactersOrCase() {
        participants.add(code, Participants.NewParticipant.of("Amira Khalil", "Ministry", "GOV", "\u00A0a.khalil@gov.example\u202F", false));

        for (String same : new String[] {"A.KHALIL@gov.example", "\u2007a.khalil@gov.example", "a.khalil\u200B@gov.example\uFEFF",
                " \ta.khalil@GOV.example\u00A0 "}) {
            assertThatThrownBy(() -> participants.add(code, Participants.NewParticipant.of("Other", "IOM", "IO", same, true)))
                    .as(same).isInstanceOf(ChangeRefused.class)
                    .hasMessageContaining("already listed for this meeting: Amira Khalil, Ministry.");
        }
        assertThat(participants.list(code)).singleElement().extracting(Participants.Participant::email)
                .isEqualTo("a.khalil@gov.example");
    }

    @Test
    void shouldRecordTitleCountryLanguageAndRoleAsTheSecretariatWritesThem() {
        long id = participants.add(code, new Participants.NewParticipant("Prof.", "Daniel Reyes", "Faculty of Law",
                "academic", "d.reyes@uni.example", " Chile ", "Spanish", "Co-Chair", false));

        assertThat(participants.get(id)).satisfies(p -> {
            assertThat(p.title()).isEqualTo(ParticipantTitle.PROF);
            assertThat(p.fullName()).isEqualTo("Prof Daniel Reyes");
            assertThat(p.category()).isEqualTo(ParticipantCategory.ACA);
            assertThat(p.country()).isEqualTo("Chile");
            assertThat(p.language()).isEqualTo("Spanish");
            assertThat(p.role()).isEqualTo(MeetingRole.CO_CHAIR);
        });
        assertThat(participants.get(participants.add(code, Participants.NewParticipant.of("N", "O", "GOV", "n@x.org", true))))
                .satisfies(p -> {
                    assertThat(p.title()).isNull();
                    assertThat(p.country()).isNull();
                    assertThat(p.role()).isEqualTo(MeetingRole.PARTICIPANT);
                });
        assertThatThrownBy(() -> participants.add(code, new Participants.NewParticipant("Sir", "N", "O", "GOV", "m@x.org",
                null, null, "moderator", false)))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("title", "'Sir' is not a title: write Mr, Ms, Dr, Prof or H.E., or leave the title empty.")
                        .containsEntry("role", "'moderator' is not a role at the meeting: write participant, chair, co-chair, "
                                + "rapporteur, speaker or observer."));
    }

    @Test
    void shouldKeepAnInvitedParticipantWhereTheyAre() {
        long id = participants.add(code, Participants.NewParticipant.of("Peter Mwangi", "IOM", "IO", "p.mwangi@iom.example", false));
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
        long foreign = participants.add(other, Participants.NewParticipant.of("N", "O", "GOV", "n@x.org", false));

        assertThatThrownBy(() -> participants.remove(code, foreign))
                .hasMessageContaining("That participant is no longer on this meeting's list.");
        assertThat(participants.list(other)).hasSize(1);
    }
}
