package org.convene.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Sends an anonymous visitor of an app page to Tasklist's login, remembering the page in a
 * short-lived cookie that Tasklist's script convene-return.js follows once signed in.
 */
class ReturnAfterLoginEntryPoint implements AuthenticationEntryPoint {

    static final String COOKIE = "convene_return";

    private final LoginUrlAuthenticationEntryPoint login;

    ReturnAfterLoginEntryPoint(String loginPage) {
        this.login = new LoginUrlAuthenticationEntryPoint(loginPage);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if ("GET".equals(request.getMethod())) {
            String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, URLEncoder.encode(path, StandardCharsets.UTF_8))
                    .path("/").maxAge(600).sameSite("Lax").secure(request.isSecure()).build().toString());
        }
        login.commence(request, response, e);
    }
}
