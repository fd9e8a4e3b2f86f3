package org.convene.meeting;

import java.io.IOException;
import org.convene.ProcessConstants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The meeting module's constants classes name what their BPMN files hold. */
class MeetingProcessConstantsTests {

    @ParameterizedTest
    @ValueSource(classes = {ExpertMeetingProcess.class, ConceptNoteApprovalProcess.class, PreparationProcess.class,
            MeetingProcess.class})
    void shouldNameOnlyElementsAndVariablesOfItsProcess(Class<?> constants) throws IOException {
        ProcessConstants.assertAgreesWithItsBpmn(constants, "meeting");
    }
}
