package org.convene.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login: a person signed into Tasklist, Cockpit or Admin is signed into the app's pages
 * too. The webapps keep their login in the HTTP session; this filter reads it.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private static final String ENGINE = "default";

    private final RequestMatcher applies;

    /** For the app's pages: every request. */
    WebappSessionAuthenticationFilter() {
        this(AnyRequestMatcher.INSTANCE);
    }

    /**
     * For the API, whose chain has no CSRF protection: only the requests {@code applies} matches (reads:
     * the Cockpit dashboard's {@code GET /api/meetings}); every other API call needs HTTP Basic.
     */
    WebappSessionAuthenticationFilter(RequestMatcher applies) {
        this.applies = applies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && applies.matches(request) && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            if (authentications != null
                    && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
                var authorities = user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
                SecurityContextHolder.getContext().setAuthentication(
                        new UsernamePasswordAuthenticationToken(user.getIdentityId(), null, authorities));
            }
        }
        chain.doFilter(request, response);
    }
}
