package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How many signatures a sign-off policy needs: a plain unit test, no engine. */
class SignOffTests {

    @Test
    void shouldNeedEveryReviewerUnderAll() {
        assertThat(SignOff.needed("ALL", 3)).isEqualTo(3);
        assertThat(SignOff.needed("ALL", 1)).isEqualTo(1);
    }

    @Test
    void shouldNeedEveryReviewerWhenNoPolicyIsGiven() {
        assertThat(SignOff.needed(null, 4)).isEqualTo(4);
        assertThat(SignOff.needed("null", 4)).as("a missing variable read as text").isEqualTo(4);
    }

    @Test
    void shouldRoundAPercentageUpToWholeReviewers() {
        assertThat(SignOff.needed("PERCENT:60", 3)).as("60 % of 3 is 1.8").isEqualTo(2);
        assertThat(SignOff.needed("PERCENT:60", 5)).as("exactly 3").isEqualTo(3);
        assertThat(SignOff.needed("PERCENT:50", 4)).isEqualTo(2);
        assertThat(SignOff.needed("PERCENT:51", 4)).isEqualTo(3);
        assertThat(SignOff.needed("PERCENT:100", 7)).isEqualTo(7);
        assertThat(SignOff.needed("PERCENT:1", 7)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnUnknownPolicy() {
        assertThatThrownBy(() -> SignOff.needed("MAJORITY", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAJORITY");
    }
}
