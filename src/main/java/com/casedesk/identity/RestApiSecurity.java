package com.casedesk.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic with Camunda users on the engine REST API ({@code /engine-rest}, Camunda's own
 * filter, as Camunda Modeler deploys with "HTTP Basic") and on CaseDesk's API ({@code /api}).
 * The caller's groups and tenants then apply to every call, exactly as in the webapps.
 */
@Configuration(proxyBeanMethods = false)
class RestApiSecurity {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("casedesk-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    // before the guards below: an anonymous caller learns nothing from them
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  /** Before the engine sees a task query: no caller-supplied expressions (see the guard). */
  @Bean
  FilterRegistrationBean<TaskQueryExpressionGuard> taskQueryExpressionGuard(
      com.fasterxml.jackson.databind.ObjectMapper json) {
    FilterRegistrationBean<TaskQueryExpressionGuard> registration =
        new FilterRegistrationBean<>(new TaskQueryExpressionGuard(json));
    registration.setName("casedesk-task-query-expression-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** A task's submission checked by its form before the engine stores it (see the guard). */
  @Bean
  FilterRegistrationBean<FormSubmissionGuard> formSubmissionGuard(com.fasterxml.jackson.databind.ObjectMapper json,
      org.camunda.bpm.engine.TaskService taskService, org.camunda.bpm.engine.FormService formService,
      com.casedesk.api.ApiCaller caller) {
    FilterRegistrationBean<FormSubmissionGuard> registration =
        new FilterRegistrationBean<>(new FormSubmissionGuard(json, taskService, formService, caller));
    registration.setName("casedesk-form-submission-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 12);
    return registration;
  }

  /** A REVOKE authorization refused with its reason before the engine sees it (see the guard). */
  @Bean
  FilterRegistrationBean<RevokeAuthorizationGuard> revokeAuthorizationGuard(
      com.fasterxml.jackson.databind.ObjectMapper json, RevokeAuthorizationsRefused refused) {
    FilterRegistrationBean<RevokeAuthorizationGuard> registration =
        new FilterRegistrationBean<>(new RevokeAuthorizationGuard(json, refused));
    registration.setName("casedesk-revoke-authorization-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Refusals of the engine APIs answered as 4xx (see the filter). */
  @Bean
  FilterRegistrationBean<EngineRefusalStatusFilter> engineRefusalStatusFilter() {
    FilterRegistrationBean<EngineRefusalStatusFilter> registration =
        new FilterRegistrationBean<>(new EngineRefusalStatusFilter());
    registration.setName("casedesk-engine-refusal-status");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiBasicAuthenticationFilter> apiAuthenticationFilter(IdentityService identityService) {
    FilterRegistrationBean<ApiBasicAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiBasicAuthenticationFilter(identityService));
    registration.setName("casedesk-api-authentication");
    registration.addUrlPatterns("/api/*");
    return registration;
  }
}
