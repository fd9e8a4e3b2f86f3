package org.convene.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInterceptor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.convene.identity.LoginThrottle;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The layers of a request to {@code /engine-rest}, each of which part (b) switches off in turn to
 * show what it costs: switches that exist only in the benchmark's JVM (a bean post-processor the
 * benchmark registers in the app it starts), all on unless the benchmark turns one off. Production
 * has none of them.
 */
final class RestLayers implements BeanPostProcessor {

    /** A layer of the request path; off: what the benchmark does instead. */
    enum Layer {
        /**
         * HTTP Basic checked against the identity service (Convene's AuthenticationProvider: the
         * password and the user's groups read for every request); off: the name in the header is
         * believed, with the groups read once before the run (the throttle is still asked).
         */
        BASIC_AUTHENTICATION("Basic authentication against the identity service"),
        /** The engine's authorization checks (ProcessEngineConfiguration.authorizationEnabled); off: none. */
        AUTHORIZATION_CHECKS("the engine's authorization checks"),
        /**
         * workflow/FormValidationPlugin's task listeners (complete: the values against the task's form;
         * create: the meeting's name on the task); off: taken off the bare process's task while it is off.
         */
        FORM_VALIDATION("the form-validation plugin"),
        /** workflow/SubmissionFieldGuard's servlet filter (a POST's variables against the form's fields); off: passed by. */
        BODY_GUARD("the body guard (SubmissionFieldGuard)"),
        /** identity/LoginThrottle, asked before and after every Basic authentication; off: never waits, counts nothing. */
        LOGIN_THROTTLE("the login throttle");

        final String label;

        Layer(String label) {
            this.label = label;
        }
    }

    private static final Set<Layer> off = EnumSet.noneOf(Layer.class);
    /** The groups of each user, read once when BASIC_AUTHENTICATION is first switched off. */
    private static final Map<String, List<SimpleGrantedAuthority>> groups = new ConcurrentHashMap<>();

    static synchronized boolean isOn(Layer layer) {
        return !off.contains(layer);
    }

    /**
     * Switches one layer off (or every layer back on with {@code null}) in the running app.
     *
     * @param app  the app {@link ConveneApp} started (with this post-processor)
     * @param only the layer to switch off; null: all on
     * @param bareProcess the key of the process whose user task loses the plugin's listeners while
     *                    FORM_VALIDATION is off
     */
    static synchronized void only(ConfigurableApplicationContext app, Layer only, String bareProcess) {
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration();
        throttle = app.getBean(LoginThrottle.class);
        identity = app.getBean(IdentityService.class);
        off.clear();
        if (only != null) {
            off.add(only);
        }
        engine.setAuthorizationEnabled(isOn(Layer.AUTHORIZATION_CHECKS));
        formValidation(engine, bareProcess, isOn(Layer.FORM_VALIDATION));
    }

    /** The built-in listeners of the process's cached user tasks as they were before the plugin's were taken off. */
    private static final Map<TaskDefinition, Map<String, List<TaskListener>>> removed = new ConcurrentHashMap<>();

    private static void formValidation(ProcessEngineConfigurationImpl engine, String processKey, boolean on) {
        ProcessDefinitionEntity definition = engine.getCommandExecutorTxRequired().execute(
                context -> engine.getDeploymentCache().findDeployedLatestProcessDefinitionByKey(processKey));
        for (ActivityImpl activity : definition.getActivities()) {
            if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
                continue;
            }
            TaskDefinition task = behavior.getTaskDefinition();
            if (on) {
                Map<String, List<TaskListener>> before = removed.remove(task);
                if (before != null) {
                    before.forEach((event, listeners) -> {
                        task.getBuiltinTaskListeners().get(event).clear();
                        task.getBuiltinTaskListeners().get(event).addAll(listeners);
                    });
                }
            } else if (!removed.containsKey(task)) {
                Map<String, List<TaskListener>> before = new ConcurrentHashMap<>();
                task.getBuiltinTaskListeners().forEach((event, listeners) -> {
                    before.put(event, List.copyOf(listeners));
                    listeners.removeIf(l -> l.getClass().getName().contains("FormValidationPlugin"));
                });
                if (before.entrySet().stream().allMatch(e -> e.getValue().size() == task.getBuiltinTaskListeners().get(e.getKey()).size())) {
                    throw new IllegalStateException("the form-validation plugin's listeners are not on " + processKey);
                }
                removed.put(task, before);
            }
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof LoginThrottle throttle) {
            return throttle(throttle);
        }
        if (bean instanceof AuthenticationProvider provider && bean.getClass().getName().endsWith("IdentityAuthenticationProvider")) {
            return basicAuthentication(provider);
        }
        if (bean instanceof FilterRegistrationBean<?> registration && "submissionFieldGuardFilter".equals(name)) {
            bodyGuard(registration);
        }
        return bean;
    }

    private static Object throttle(LoginThrottle throttle) {
        ProxyFactory proxy = new ProxyFactory(throttle);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) call -> {
            if (isOn(Layer.LOGIN_THROTTLE)) {
                return call.proceed();
            }
            return call.getMethod().getName().equals("waitBeforeAttempt") ? Duration.ZERO : null;
        });
        return proxy.getProxy();
    }

    private static Object basicAuthentication(AuthenticationProvider provider) {
        ProxyFactory proxy = new ProxyFactory(provider);
        proxy.addAdvice((MethodInterceptor) call -> {
            if (isOn(Layer.BASIC_AUTHENTICATION) || !call.getMethod().getName().equals("authenticate")) {
                return call.proceed();
            }
            Authentication asked = (Authentication) call.getArguments()[0];
            String address = "bench";
            if (!throttle.waitBeforeAttempt(address, asked.getName()).isZero()) {
                throw new IllegalStateException("throttled in the benchmark");
            }
            throttle.succeeded(address, asked.getName());
            return new UsernamePasswordAuthenticationToken(asked.getName(), null, groups.computeIfAbsent(asked.getName(),
                    user -> identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                            .map(SimpleGrantedAuthority::new).toList()));
        });
        return proxy.getProxy();
    }

    /** The beans the benchmark's stand-in for Basic authentication uses, set by {@link #only}. */
    private static volatile LoginThrottle throttle;
    private static volatile IdentityService identity;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void bodyGuard(FilterRegistrationBean registration) {
        Filter guard = registration.getFilter();
        registration.setFilter(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (isOn(Layer.BODY_GUARD)) {
                    guard.doFilter(request, response, chain);
                } else {
                    chain.doFilter(request, response);
                }
            }
        });
    }
}
