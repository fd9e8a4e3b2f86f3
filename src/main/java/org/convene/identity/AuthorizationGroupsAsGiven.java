package org.convene.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks ask for the caller's groups as the caller has them, instead of
 * first reading every group that appears in the authorization table.
 *
 * <p>Before each command's first check, Camunda's {@link AuthorizationManager} narrows the
 * authenticated user's groups to those named by some authorization row: {@code SELECT
 * distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}, a read of the whole table, which holds a row per
 * open task offered to a group (20,000 rows at 20,000 open tasks), once per command: a REST start,
 * the task query and the completion ask it 8 times between them (README: Performance, part b). The
 * narrowing changes no answer: a group that no row names matches no row in the check's own
 * {@code GROUP_ID_ IN (...)}. So the groups are passed as given (a user has a few), and the check's
 * query alone decides, as before.
 */
@Component
class AuthorizationGroupsAsGiven extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        // keyed by session type: replaces the engine's factory of AuthorizationManager
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new GroupsAsGiven();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** Camunda's manager, but the authenticated groups are not narrowed by a read of the whole table. */
    static final class GroupsAsGiven extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
        }
    }
}
