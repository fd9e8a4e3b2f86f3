package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.convene.IcsLines;
import org.junit.jupiter.api.Test;

/** The folding every calendar file of the app shares (the VTIMEZONE: InvitationCalendarTests, AgendaCalendarTests); no Spring. */
class IcsWritingTests {

    @Test
    void foldingNeverCutsACharacterAndCountsOctets() {
        String line = "SUMMARY:" + "é".repeat(40) + "😀".repeat(20) + "x".repeat(80);

        String folded = IcsWriting.fold(line + "\r\n");

        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
        assertThat(IcsLines.assertFolded(folded)).isGreaterThanOrEqualTo(3);
        assertThat(IcsWriting.fold("A:" + "x".repeat(73) + "\r\n")).isEqualTo("A:" + "x".repeat(73) + "\r\n");
        assertThat(IcsWriting.fold("A:" + "x".repeat(74) + "\r\n")).isEqualTo("A:" + "x".repeat(73) + "\r\n x\r\n");
        assertThat(IcsWriting.fold("A:" + "x".repeat(72) + "é\r\n")).isEqualTo("A:" + "x".repeat(72) + "\r\n é\r\n");
    }
}
