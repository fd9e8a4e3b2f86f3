package org.convene.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Four filter chains. The REST API and the app's JSON API take HTTP Basic, keep no session
 * and answer 401 to an anonymous call. The webapps (Cockpit, Tasklist, Admin) keep their own
 * login and CSRF filter, so Spring Security stays out of their way. Everything else (the
 * app's pages) needs the webapps' login and keeps Spring's CSRF protection: managers, reviewers
 * and staff read the meeting pages, only staff and administrators change them (any method but
 * GET and HEAD), a meeting's audit trail is for managers and administrators only, its mails
 * (which carry the invitees' signed links) for staff and administrators only, a document's
 * versions (/documents/**) for the reading groups (the document module's pages narrow reviewers
 * to the documents they were asked to sign off), and a
 * refused request gets the 403 page ({@link AccessDeniedPage}); a user in none of
 * these groups gets it for reading too.
 *
 * <p>Path-pattern matchers, not MVC matchers: an MVC matcher never matches Camunda's Jersey
 * servlet and would leave /engine-rest open.
 *
 * <p>The invitees' signed links ({@code /links/**}) have a chain of their own: the one open place
 * beside the logins, static assets and health, their token checked by {@link SignedLinks}.
 */
@Configuration
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/camunda/app/tasklist/default/#/login";
    static final String[] READERS = {ConveneGroups.STAFF, ConveneGroups.MANAGERS, ConveneGroups.REVIEWERS,
            ConveneGroups.ADMINS};
    static final String[] EDITORS = {ConveneGroups.STAFF, ConveneGroups.ADMINS};
    /** A meeting is cancelled by staff or a manager (or an administrator). */
    static final String[] CANCELLERS = {ConveneGroups.STAFF, ConveneGroups.MANAGERS, ConveneGroups.ADMINS};
    /** A meeting's audit trail (tracking module) is for managers and administrators only. */
    static final String[] AUDITORS = {ConveneGroups.MANAGERS, ConveneGroups.ADMINS};
    /** A meeting's mails (mail module) carry the invitees' signed links: staff and administrators only. */
    static final String[] MAIL_READERS = EDITORS;
    /**
     * A meeting's participants (invitation module: names, addresses, the practical needs of those who
     * accepted) are personal data: staff, managers (who approve the list) and administrators; reviewers
     * sign off drafts and need none of it.
     */
    static final String[] PARTICIPANT_READERS = {ConveneGroups.STAFF, ConveneGroups.MANAGERS, ConveneGroups.ADMINS};
    /**
     * A meeting's concept note and agenda as files (PDF, DOCX, the agenda's calendar): staff, managers
     * (who review both) and administrators.
     */
    static final String[] MEETING_FILE_READERS = {ConveneGroups.STAFF, ConveneGroups.MANAGERS, ConveneGroups.ADMINS};
    /** What changed in a meeting's concept note (meeting module): its reviewers are managers; staff draft it. */
    static final String[] CONCEPT_NOTE_READERS = {ConveneGroups.STAFF, ConveneGroups.MANAGERS, ConveneGroups.ADMINS};

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, IdentityService identityService) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/engine-rest/**"), paths.matcher("/api/**"),
                        paths.matcher("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**")).permitAll()
                        .requestMatchers(paths.matcher("/actuator/prometheus")).hasAuthority(ConveneGroups.ADMINS)
                        .anyRequest().authenticated())
                // IdentityAuthenticationProvider, the only AuthenticationProvider bean, authenticates
                .httpBasic(basic -> basic.authenticationEntryPoint(new ThrottleAwareEntryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new ThrottleAwareEntryPoint()))
                // no session fixation step: the API never logs in through a session, and changing the id of the
                // webapps' session under Cockpit's concurrent requests would sign the manager out
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .csrf(csrf -> csrf.disable())
                // one login: Cockpit's Meetings dashboard reads GET /api/meetings in the webapps' session
                .addFilterBefore(new WebappSessionAuthenticationFilter(paths.matcher(HttpMethod.GET, "/api/meetings")),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappsChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(
                        paths.matcher("/camunda/**"), paths.matcher("/"),
                        paths.matcher("/css/**"), paths.matcher("/favicon.ico"), paths.matcher("/error")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .addFilterBefore(new WebappLoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
                // the webapps have their own CSRF filter; Spring's would break their login
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /**
     * The invitees' signed links: no login (the signed token is the authority, and the engine
     * gets no user, whoever's browser it is), CSRF on (the form carries the anonymous session's
     * token), and no Referer that would carry the token elsewhere.
     */
    @Bean
    @Order(3)
    SecurityFilterChain signedLinksChain(HttpSecurity http) throws Exception {
        var formExpired = new AccessDeniedHandlerImpl();
        formExpired.setErrorPage(SignedLinkPages.FORM_EXPIRED);
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/links/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // a missing or stale CSRF token (the page was left open past the session) gets a plain page
                .exceptionHandling(e -> e.accessDeniedHandler(formExpired))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pagesChain(HttpSecurity http, IdentityService identityService) throws Exception {
        var loginRedirect = new ReturnAfterLoginEntryPoint(LOGIN_PAGE);
        // a program asking for JSON gets 401; a browser (Accept: text/html, */*) goes to the login
        var asksForJson = new MediaTypeRequestMatcher(MediaType.APPLICATION_JSON);
        asksForJson.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        var paths = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(auth -> auth
                        // before the general rule: staff and reviewers read meetings, not their audit trail
                        .requestMatchers(paths.matcher("/meetings/*/audit"), paths.matcher("/meetings/*/audit.csv"),
                                paths.matcher("/meetings/*/audit/**")).hasAnyAuthority(AUDITORS)
                        .requestMatchers(paths.matcher(HttpMethod.POST, "/meetings/*/cancel")).hasAnyAuthority(CANCELLERS)
                        .requestMatchers(paths.matcher("/meetings/*/mails"), paths.matcher("/meetings/*/mails/**"))
                        .hasAnyAuthority(MAIL_READERS)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/meetings/*/participants"),
                                paths.matcher(HttpMethod.GET, "/meetings/*/participants/**"),
                                paths.matcher(HttpMethod.GET, "/meetings/*/participants.csv"),
                                paths.matcher(HttpMethod.HEAD, "/meetings/*/participants"),
                                paths.matcher(HttpMethod.HEAD, "/meetings/*/participants/**"),
                                paths.matcher(HttpMethod.HEAD, "/meetings/*/participants.csv"),
                                // the participants' comments on the summary conclusions name them (framework module)
                                paths.matcher("/meetings/*/conclusions/comments"))
                        .hasAnyAuthority(PARTICIPANT_READERS)
                        .requestMatchers(paths.matcher("/meetings/*/concept-note.pdf"),
                                paths.matcher("/meetings/*/concept-note.docx"), paths.matcher("/meetings/*/agenda.pdf"),
                                paths.matcher("/meetings/*/agenda.docx"), paths.matcher("/meetings/*/agenda.ics"))
                        .hasAnyAuthority(MEETING_FILE_READERS)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/meetings/*/concept-note/changes"),
                                paths.matcher(HttpMethod.HEAD, "/meetings/*/concept-note/changes"))
                        .hasAnyAuthority(CONCEPT_NOTE_READERS)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/meetings/**"),
                                paths.matcher(HttpMethod.HEAD, "/meetings/**")).hasAnyAuthority(READERS)
                        // a document's versions (page, PDF, DOCX): the reading groups; the document
                        // module's pages let a reviewer read only the documents they were asked to sign off
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/documents/**"),
                                paths.matcher(HttpMethod.HEAD, "/documents/**")).hasAnyAuthority(READERS)
                        .requestMatchers(paths.matcher("/meetings/**")).hasAnyAuthority(EDITORS)
                        .anyRequest().authenticated())
                .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                asksForJson)
                        .defaultAuthenticationEntryPointFor(loginRedirect, AnyRequestMatcher.INSTANCE)
                        .accessDeniedPage(AccessDeniedPage.PATH));
        return http.build();
    }
}
