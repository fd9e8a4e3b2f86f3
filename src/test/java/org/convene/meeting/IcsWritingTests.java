package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The folding every calendar file of the app shares (the VTIMEZONE: InvitationCalendarTests, AgendaCalendarTests); no Spring. */
class IcsWritingTests {

    @Test
    void foldingNeverCutsACharacterAndCountsOctets() {
        String line = "SUMMARY:" + "é".repeat(40) + "😀".repeat(20) + "x".repeat(80);

        String folded = IcsWriting.fold(line + "\r\n");

        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
        for (String part : folded.split("\r\n")) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).isLessThanOrEqualTo(75);
            strictUtf8(bytes);
        }
        assertThat(IcsWriting.fold("A:" + "x".repeat(73) + "\r\n")).isEqualTo("A:" + "x".repeat(73) + "\r\n");
        assertThat(IcsWriting.fold("A:" + "x".repeat(74) + "\r\n")).isEqualTo("A:" + "x".repeat(73) + "\r\n x\r\n");
        assertThat(IcsWriting.fold("A:" + "x".repeat(72) + "é\r\n")).isEqualTo("A:" + "x".repeat(72) + "\r\n é\r\n");
    }

    private static void strictUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8 on its own: " + Arrays.toString(bytes), e);
        }
    }
}
