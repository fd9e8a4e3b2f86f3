package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How many signatures a sign-off policy needs: a plain unit test, no engine. */
class SignOffPolicyTests {

    @Test
    void shouldNeedEveryReviewerUnderAll() {
        assertThat(SignOffPolicy.parse("ALL").needed(3)).isEqualTo(3);
        assertThat(SignOffPolicy.parse("ALL").needed(1)).isEqualTo(1);
    }

    @Test
    void shouldNeedEveryReviewerWhenNoPolicyIsGiven() {
        assertThat(SignOffPolicy.parse(null).needed(4)).isEqualTo(4);
        assertThat(SignOffPolicy.parse("null").needed(4)).as("a missing variable read as text").isEqualTo(4);
    }

    @Test
    void shouldRoundAPercentageUpToWholeReviewers() {
        assertThat(SignOffPolicy.parse("PERCENT:60").needed(3)).as("60 % of 3 is 1.8").isEqualTo(2);
        assertThat(SignOffPolicy.parse("PERCENT:60").needed(5)).as("exactly 3").isEqualTo(3);
        assertThat(SignOffPolicy.parse("PERCENT:50").needed(4)).isEqualTo(2);
        assertThat(SignOffPolicy.parse("PERCENT:51").needed(4)).isEqualTo(3);
        assertThat(SignOffPolicy.parse("PERCENT:100").needed(7)).isEqualTo(7);
        assertThat(SignOffPolicy.parse("PERCENT:1").needed(7)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnUnknownPolicy() {
        assertThatThrownBy(() -> SignOffPolicy.parse("MAJORITY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAJORITY");
    }

    @Test
    void shouldRefuseAPercentageOutsideOneToAHundred() {
        assertThatThrownBy(() -> SignOffPolicy.parse("PERCENT:0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> SignOffPolicy.parse("PERCENT:150")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignOffPolicy.parse("PERCENT:sixty")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PERCENT:sixty");
    }

    @Test
    void shouldWriteThePolicyAsTheProcessesGiveIt() {
        assertThat(SignOffPolicy.parse("PERCENT:60")).hasToString("PERCENT:60");
        assertThat(SignOffPolicy.parse(null)).isEqualTo(SignOffPolicy.ALL).hasToString("ALL");
    }
}
