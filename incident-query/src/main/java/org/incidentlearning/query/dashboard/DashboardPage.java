package org.incidentlearning.query.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The dashboard page lives at {@code /dashboard/index.html}; the service's root and {@code /dashboard} lead there. */
@Configuration(proxyBeanMethods = false)
public class DashboardPage implements WebMvcConfigurer {

    static final String PAGE = "/dashboard/index.html";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", PAGE);
        registry.addRedirectViewController("/dashboard", PAGE);
    }
}
