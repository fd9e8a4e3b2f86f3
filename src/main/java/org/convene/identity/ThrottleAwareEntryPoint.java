package org.convene.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 for a missing or wrong login; 429 with Retry-After while the caller is throttled. */
class ThrottleAwareEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            writeThrottled(response, throttled);
        } else {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    static void writeThrottled(HttpServletResponse response, LoginThrottledException throttled) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
        response.setContentType("application/json");
        response.getWriter().write("{\"type\":\"LoginThrottled\",\"message\":\"" + throttled.getMessage() + "\"}");
    }
}
