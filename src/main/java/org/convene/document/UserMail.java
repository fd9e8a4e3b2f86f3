package org.convene.document;

import java.util.Optional;
import org.convene.identity.UserDirectory;
import org.convene.mail.MailAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the document module's mails to users of the app (reviewers, staff) share: the user's
 * address with their name from the identity service, and whole links under
 * {@code convene.public-url} to a task in Tasklist or to a page of the app.
 */
@Component
class UserMail {

    private final UserDirectory users;
    private final String publicUrl;

    UserMail(UserDirectory users, @Value("${convene.public-url:http://localhost:8080}") String publicUrl) {
        this.users = users;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The user's address, shown with their name ("Lena Haddad"); empty for an unknown user or one without an address. */
    Optional<MailAddress> to(String userId) {
        return users.email(userId).map(address -> new MailAddress(address,
                users.find(userId).map(UserDirectory.Person::name).orElse(userId)));
    }

    /** The task in Tasklist, e.g. {@code http://localhost:8080/camunda/app/tasklist/default/#/?task=<id>}. */
    String taskUrl(String taskId) {
        return publicUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    /** A page of the app: {@code path} starts with a slash ({@code /documents/3/versions/2}). */
    String url(String path) {
        return publicUrl + path;
    }
}
