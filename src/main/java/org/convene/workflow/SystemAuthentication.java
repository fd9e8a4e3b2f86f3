package org.convene.workflow;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine query as the system, for the product's own rules. The engine filters what a
 * query returns by the Camunda authorizations of the user it knows for the request (set by the
 * REST API, Tasklist or a test); a rule of the app must not depend on who happens to ask (a chair
 * must be a reviewer, whoever checks; managers read a meeting's audit trail although Camunda lets
 * them read little history). The caller's authentication — user, groups and tenants — is cleared
 * for the query and restored afterwards, also when the query throws.
 */
public final class SystemAuthentication {

    private SystemAuthentication() {
    }

    /**
     * @param identityService the engine's, whose current authentication is swapped (thread-bound)
     * @param query           the engine calls to run unchecked; what it throws is passed on
     * @return what the query returned (may be null if the query returns null)
     */
    public static <T> T asSystem(IdentityService identityService, Supplier<T> query) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
