package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's reading of form-js rules that have no engine behind them: patterns and date-only text fields. */
class FormSubmissionValidatorTests {

    static final FormSchema FORM = parse("""
            {"id": "f", "components": [
              {"type": "textfield", "key": "code", "label": "Code", "validate": {"pattern": "^[A-Z]{2}-[0-9]+$"}},
              {"type": "textfield", "key": "room", "label": "Room", "validate": {"pattern": "[0-9]"}},
              {"type": "textfield", "key": "due", "label": "Due", "validate": {"pattern": "^\\\\d{4}-\\\\d{2}-\\\\d{2}$"},
               "properties": {"valueType": "date", "notBefore": "today"}},
              {"type": "textfield", "key": "born", "label": "Born", "properties": {"valueType": "date"}}
            ]}""");

    @Test
    void shouldHoldATextToItsPatternAsFormJsDoes() {
        assertThat(FormSubmissionValidator.violations(FORM, Map.of("code", "EM-12", "room", "Room 4")::get)).isEmpty();
        assertThat(FormSubmissionValidator.violations(FORM, Map.of("code", "em-12", "room", "Hall")::get))
                .containsExactly("'Code' must match the pattern ^[A-Z]{2}-[0-9]+$", "'Room' must match the pattern [0-9]");
    }

    @Test
    void shouldTakeADateOnlyAsTextNamingADayThatExists() {
        assertThat(FormSubmissionValidator.violations(FORM, Map.of("due", "2999-02-28", "born", "1970-01-01")::get)).isEmpty();
        assertThat(FormSubmissionValidator.violations(FORM, Map.of("due", "2999-02-30", "born", "1970-02-29")::get))
                .containsExactly("'Due' must be a date that exists, as YYYY-MM-DD (got '2999-02-30')",
                        "'Born' must be a date that exists, as YYYY-MM-DD (got '1970-02-29')");
        assertThat(FormSubmissionValidator.violations(FORM, Map.<String, Object>of("born", new Date(0))::get))
                .containsExactly("'Born' must be a date as text YYYY-MM-DD, not a Date");
    }

    @Test
    void shouldRefuseOnlyADayThatIsOverEverywhereOnEarthWhereTheFormSaysNotPast() {
        LocalDate todayAtUtcMinus12 = LocalDate.now(ZoneOffset.ofHours(-12));

        assertThat(FormSubmissionValidator.violations(FORM, Map.of("due", todayAtUtcMinus12.toString())::get)).isEmpty();
        assertThat(FormSubmissionValidator.violations(FORM, Map.of("due", todayAtUtcMinus12.minusDays(1).toString())::get))
                .containsExactly("'Due' must not be in the past (got " + todayAtUtcMinus12.minusDays(1) + ")");
        assertThat(FormSubmissionValidator.violations(FORM, Map.of("born", "1970-01-01")::get)).as("no notBefore").isEmpty();
    }

    private static FormSchema parse(String json) {
        try {
            return FormSchema.parse(new ObjectMapper().readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
