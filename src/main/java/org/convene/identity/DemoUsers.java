package org.convene.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users of the embedded default: password = user id. Never created in the
 * postgres profile (convene.demo.enabled is false there unless asked for).
 */
@Component
@ConditionalOnProperty(name = "convene.demo.enabled", havingValue = "true")
class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    record DemoUser(String id, String firstName, String lastName, String group) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("lena", "Lena", "Haddad", ConveneGroups.STAFF),
            new DemoUser("omar", "Omar", "Nasser", ConveneGroups.STAFF),
            new DemoUser("grace", "Grace", "Novak", ConveneGroups.MANAGERS),
            new DemoUser("ravi", "Ravi", "Menon", ConveneGroups.REVIEWERS),
            new DemoUser("sofia", "Sofia", "Ortega", ConveneGroups.REVIEWERS),
            new DemoUser("kenji", "Kenji", "Sato", ConveneGroups.REVIEWERS),
            new DemoUser("guest", "Guest", "Visitor", null));

    private final IdentityService identityService;

    DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void ensureDemoUsers() {
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@convene.example");
                user.setPassword(demo.id());
                identityService.saveUser(user);
                if (demo.group() != null) {
                    identityService.createMembership(demo.id(), demo.group());
                }
                log.info("Created demo user {} ({})", demo.id(), demo.group());
            }
        }
    }
}
