package org.convene.identity;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.convene.workflow.SystemAuthentication;
import org.springframework.stereotype.Component;

/**
 * Who exists and in which group, asked by the product's own rules (a working group's chair
 * account must be a reviewer). The engine would filter users by the caller's authorizations
 * when a request's user is set on it; a rule must not depend on who happens to ask, so these
 * queries run as the system and the caller's authentication is restored afterwards.
 */
@Component
public class UserDirectory {

    /** A user: the Camunda user id, and the name to show ("Lena Haddad", or the id when the user has no name). */
    public record Person(String id, String name) {
    }

    private final IdentityService identityService;

    UserDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Whether a user with this id exists and is a member of the group; false for an unknown user or group. */
    public boolean isMember(String userId, String groupId) {
        return asSystem(() -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 1);
    }

    /** The members of a group, ordered by last name; empty for an unknown group. */
    public List<Person> members(String groupId) {
        return asSystem(() -> identityService.createUserQuery().memberOfGroup(groupId).orderByUserLastName().asc().list()
                .stream().map(UserDirectory::person).toList());
    }

    /** The user with this id; empty when there is none. */
    public Optional<Person> find(String userId) {
        return asSystem(() -> Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
                .map(UserDirectory::person));
    }

    /**
     * The user's e-mail address as the identity service keeps it (demo users: {@code <id>@convene.example});
     * empty for an unknown user or one without an address.
     */
    public Optional<String> email(String userId) {
        return asSystem(() -> Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
                .map(User::getEmail).map(String::strip).filter(address -> !address.isEmpty()));
    }

    private static Person person(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new Person(user.getId(), name.isEmpty() ? user.getId() : name);
    }

    private <T> T asSystem(Supplier<T> query) {
        return SystemAuthentication.asSystem(identityService, query);
    }
}
