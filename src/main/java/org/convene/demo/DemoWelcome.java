package org.convene.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Tells whoever started the embedded default where to sign in, once everything is ready. */
@Component
@ConditionalOnProperty(name = "convene.demo.enabled", havingValue = "true")
class DemoWelcome {

    private static final Logger log = LoggerFactory.getLogger(DemoWelcome.class);

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void tellWhereToSignIn(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        log.info("""

                ==================================================================
                 Convene is ready.
                   Tasklist  {}/camunda/app/tasklist/
                   Cockpit   {}/camunda/app/cockpit/
                   Admin     {}/camunda/app/admin/
                   Meetings  {}/meetings
                   REST API  {}/engine-rest/  (HTTP Basic)
                 Demo users (password = user id): lena, omar (staff), grace (manager),
                   ravi, sofia, kenji (reviewers); administrator demo / demo.
                 Start as lena in Tasklist: "Draft concept note" waits under My groups' tasks.
                ==================================================================""",
                base, base, base, base, base);
    }
}
