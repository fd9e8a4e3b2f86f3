/**
 * Groups, users, authorizations and Spring Security. Spring Security guards the REST API and
 * the app's pages, backed by Camunda's identity service; the webapps keep their own login and
 * CSRF protection, and the app's pages share the webapps' session (one login). Invitees, who
 * have no login, act through signed links ({@link org.convene.identity.SignedLinks}); the modules
 * provide what a link does ({@link org.convene.identity.SignedLinkAction}).
 */
@ApplicationModule(allowedDependencies = "workflow")
package org.convene.identity;

import org.springframework.modulith.ApplicationModule;
