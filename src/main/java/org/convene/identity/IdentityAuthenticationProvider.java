package org.convene.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Checks HTTP Basic credentials against Camunda's identity service; the user's groups become authorities. */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    IdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object password = authentication.getCredentials();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        Duration wait = throttle.waitBeforeAttempt(address, userId);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        // a control character (NUL) is in no user id, and the database would refuse to look it up
        if (userId == null || password == null || userId.chars().anyMatch(Character::isISOControl)
                || !identityService.checkPassword(userId, password.toString())) {
            throttle.failed(address, userId);
            throw new BadCredentialsException("Wrong user or password");
        }
        throttle.succeeded(address, userId);
        return new UsernamePasswordAuthenticationToken(userId, null, authorities(identityService, userId));
    }

    static List<SimpleGrantedAuthority> authorities(IdentityService identityService, String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
