package org.convene;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void shouldKeepEachModuleInItsRoom() {
        ApplicationModules.of(ConveneApplication.class).verify();
    }
}
