package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** The participant categories, defined once: their form values and the options the forms get. */
class ParticipantCategoryTests {

    @Test
    void shouldOfferEveryCategoryByItsNameWithTheConceptNotesLabel() {
        assertThat(ParticipantCategory.formOptions()).containsExactly(
                Map.of("label", "Senior government representatives", "value", "GOV"),
                Map.of("label", "International organizations", "value", "IO"),
                Map.of("label", "Regional bodies", "value", "REG"),
                Map.of("label", "Non-governmental organizations", "value", "NGO"),
                Map.of("label", "Academics and independent experts", "value", "ACA"));
    }

    @Test
    void shouldReadWhatAChecklistSubmitsAndWhatTheTableStores() {
        assertThat(ParticipantCategory.ofFormValues(Spin.JSON(List.of("GOV", "ACA"))))
                .containsExactly(ParticipantCategory.GOV, ParticipantCategory.ACA);
        assertThat(ParticipantCategory.ofFormValues(List.of("IO"))).containsExactly(ParticipantCategory.IO);
        assertThat(ParticipantCategory.ofFormValues("NGO, REG")).containsExactly(ParticipantCategory.NGO,
                ParticipantCategory.REG);
        assertThat(ParticipantCategory.ofFormValues(null)).isEmpty();
        assertThat(ParticipantCategory.ofFormValues("")).isEmpty();
    }

    @Test
    void shouldRefuseANameThatIsNoCategory() {
        assertThatThrownBy(() -> ParticipantCategory.ofFormValues(List.of("GOV", "PRESS")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PRESS");
    }
}
