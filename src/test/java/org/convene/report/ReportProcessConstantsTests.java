package org.convene.report;

import java.io.IOException;
import org.convene.ProcessConstants;
import org.junit.jupiter.api.Test;

/** The report module's constants class names what its BPMN file holds. */
class ReportProcessConstantsTests {

    @Test
    void shouldNameOnlyElementsAndVariablesOfItsProcess() throws IOException {
        ProcessConstants.assertAgreesWithItsBpmn(WorkingGroupReportProcess.class, "report");
    }
}
