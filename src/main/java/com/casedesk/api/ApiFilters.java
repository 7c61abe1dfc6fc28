package com.casedesk.api;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Servlet filters in front of CaseDesk's own APIs. */
@Configuration(proxyBeanMethods = false)
class ApiFilters {

  /** Outermost: a database outage becomes a 503, whichever filter or controller met it. */
  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
    FilterRegistrationBean<DatabaseUnavailableFilter> registration =
        new FilterRegistrationBean<>(new DatabaseUnavailableFilter());
    registration.setName("casedesk-database-unavailable");
    registration.addUrlPatterns("/api/*", "/owner/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
