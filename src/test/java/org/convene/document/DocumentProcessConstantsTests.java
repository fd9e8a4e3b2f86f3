package org.convene.document;

import java.io.IOException;
import org.convene.ProcessConstants;
import org.junit.jupiter.api.Test;

/** The document module's constants class names what its BPMN file holds. */
class DocumentProcessConstantsTests {

    @Test
    void shouldNameOnlyElementsAndVariablesOfSignOffProcess() throws IOException {
        ProcessConstants.assertAgreesWithItsBpmn(SignOffProcess.class, "document");
    }
}
