package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ProposeMeetingFormTests {

    @Test
    void shouldOfferOnlyTimeZonesThatExist() throws Exception {
        JsonNode form = new ObjectMapper().readTree(Path.of("bpmn/meeting/propose-meeting.form").toFile());
        JsonNode zones = null;
        for (JsonNode component : form.path("components")) {
            if (ExpertMeetingProcess.MEETING_TIME_ZONE.equals(component.path("key").asText())) {
                zones = component.path("values");
            }
        }
        assertThat(zones).isNotNull().isNotEmpty();
        for (JsonNode zone : zones) {
            assertThatCode(() -> ZoneId.of(zone.path("value").asText())).as(zone.toString()).doesNotThrowAnyException();
        }
    }
}
