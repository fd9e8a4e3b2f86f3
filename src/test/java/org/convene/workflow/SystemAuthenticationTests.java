package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemAuthenticationTests {

    // the engine's own service: its current authentication is a thread-local, no engine needed for it
    final IdentityService identityService = new IdentityServiceImpl();

    @AfterEach
    void clear() {
        identityService.clearAuthentication();
    }

    @Test
    void shouldRunTheQueryWithoutTheCallerAndGiveTheCallerBackAfterwards() {
        identityService.setAuthentication("ravi", List.of("reviewers"), List.of("tenant-a"));

        String seen = SystemAuthentication.asSystem(identityService,
                () -> String.valueOf(identityService.getCurrentAuthentication()));

        assertThat(seen).isEqualTo("null");
        assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("ravi");
        assertThat(identityService.getCurrentAuthentication().getGroupIds()).containsExactly("reviewers");
        assertThat(identityService.getCurrentAuthentication().getTenantIds()).containsExactly("tenant-a");
    }

    @Test
    void shouldGiveTheCallerBackWhenTheQueryThrows() {
        identityService.setAuthentication("grace", List.of("managers"));

        assertThatThrownBy(() -> SystemAuthentication.asSystem(identityService, () -> {
            throw new IllegalStateException("query failed");
        })).hasMessage("query failed");

        assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("grace");
    }

    @Test
    void shouldLeaveNobodySignedInWhenNobodyWas() {
        assertThat(SystemAuthentication.asSystem(identityService, () -> 42)).isEqualTo(42);
        assertThat(identityService.getCurrentAuthentication()).isNull();
    }
}
