package org.convene.invitation;

import java.io.IOException;
import org.convene.ProcessConstants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The invitation module's constants classes name what their BPMN files hold. */
class InvitationProcessConstantsTests {

    @ParameterizedTest
    @ValueSource(classes = {ParticipantListProcess.class, InvitationProcess.class})
    void shouldNameOnlyElementsAndVariablesOfItsProcess(Class<?> constants) throws IOException {
        ProcessConstants.assertAgreesWithItsBpmn(constants, "invitation");
    }
}
