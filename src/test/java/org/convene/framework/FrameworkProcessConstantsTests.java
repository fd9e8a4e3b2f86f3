package org.convene.framework;

import java.io.IOException;
import org.convene.ProcessConstants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The framework module's constants classes name what their BPMN files hold. */
class FrameworkProcessConstantsTests {

    @ParameterizedTest
    @ValueSource(classes = {SummaryConclusionsProcess.class, RecommendationsProcess.class, CommonFrameworkProcess.class})
    void shouldNameOnlyElementsAndVariablesOfItsProcess(Class<?> constants) throws IOException {
        ProcessConstants.assertAgreesWithItsBpmn(constants, "framework");
    }
}
