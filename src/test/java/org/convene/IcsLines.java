package org.convene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Checks a calendar file's lines as RFC 5545 §3.1 wants them: what a mail client or calendar refuses otherwise. */
public final class IcsLines {

    private IcsLines() {
    }

    /**
     * Asserts that every line ends with CRLF and is at most 75 octets of UTF-8 that decodes on its own
     * (no character cut apart by a fold).
     *
     * @return how many lines are continuations (start with a space)
     */
    public static int assertFolded(String ics) {
        byte[] octets = ics.getBytes(StandardCharsets.UTF_8);
        assertThat(ics).endsWith("\r\n").doesNotContain("\n\n");
        int lineStart = 0;
        int folded = 0;
        for (int i = 0; i < octets.length; i++) {
            if (octets[i] == '\n') {
                assertThat(octets[i - 1]).as("lines end with CRLF").isEqualTo((byte) '\r');
                byte[] line = Arrays.copyOfRange(octets, lineStart, i - 1);
                assertThat(line.length).as("octets of line %s", new String(line, StandardCharsets.UTF_8)).isLessThanOrEqualTo(75);
                strictUtf8(line);
                folded += line.length > 0 && line[0] == ' ' ? 1 : 0;
                lineStart = i + 1;
            }
        }
        return folded;
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
