package org.convene.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/** The webapps' login form (Tasklist, Cockpit, Admin) goes through the same throttle as HTTP Basic. */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    WebappLoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().matches(".*/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        String user = request.getParameter("username");
        Duration wait = throttle.waitBeforeAttempt(address, user);
        if (!wait.isZero()) {
            ThrottleAwareEntryPoint.writeThrottled(response, new LoginThrottledException(wait));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_OK) {
            throttle.succeeded(address, user);
        } else if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
                || response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
            // 401: wrong password; 403: the request lacked the webapps' CSRF token
            throttle.failed(address, user);
        }
    }
}
