package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.convene.document.DocumentVariables;
import org.junit.jupiter.api.Test;

/** The shared variable names that another module's constants class also names stay the same name. */
class ProcessVariablesTests {

    @Test
    void shouldNameTheDocumentTitleAsTheDocumentModuleDoes() {
        assertThat(ProcessVariables.DOCUMENT_TITLE).isEqualTo(DocumentVariables.DOCUMENT_TITLE);
    }
}
