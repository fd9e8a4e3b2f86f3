package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeRefusedTests {

    @Test
    void shouldKeepEachFieldsMessageInTheOrderGivenAndSayThemAllInItsMessage() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("title", "A session needs a title.");
        errors.put("start", "The session starts after it ends.");

        ChangeRefused refused = new ChangeRefused(errors);
        errors.clear();

        assertThat(refused.fieldErrors()).containsExactly(Map.entry("title", "A session needs a title."),
                Map.entry("start", "The session starts after it ends."));
        assertThat(refused).hasMessage("title: A session needs a title.; start: The session starts after it ends.");
        assertThatThrownBy(() -> refused.fieldErrors().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new ChangeRefused("email", "Already on the list.").fieldErrors())
                .containsExactly(Map.entry("email", "Already on the list."));
    }

    @Test
    void shouldSayWhyOrNotBeThrown() {
        assertThatThrownBy(() -> new ChangeRefused(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
