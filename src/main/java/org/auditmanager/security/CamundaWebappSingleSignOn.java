package org.auditmanager.security;

import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Cockpit, Tasklist and Admin take the person signed in through our login (container-based authentication,
 * the webapps' documented single sign-on hook) instead of a login of their own.
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebappSingleSignOn {

    /** Named by class because the webapp instantiates it; the only reference to a webapp class in our code. */
    private static final String CONTAINER_AUTHENTICATION_FILTER =
            "org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter";

    @Bean
    FilterRegistrationBean<jakarta.servlet.Filter> camundaContainerAuthentication() throws ReflectiveOperationException {
        jakarta.servlet.Filter filter = (jakarta.servlet.Filter) Class.forName(CONTAINER_AUTHENTICATION_FILTER)
                .getDeclaredConstructor().newInstance();
        FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("camunda-container-authentication");
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityWebappAuthentication.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /** The engine identity filter runs inside the /engine-rest security chain only, not for every request. */
    @Bean
    FilterRegistrationBean<EngineIdentityFilter> engineIdentityFilterOutsideSecurityChain(EngineIdentityFilter filter) {
        FilterRegistrationBean<EngineIdentityFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
