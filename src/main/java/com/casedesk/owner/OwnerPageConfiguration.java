package com.casedesk.owner;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /owner/} serves the owners' page (static/owner/index.html). */
@Configuration(proxyBeanMethods = false)
class OwnerPageConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/owner", "/owner/");
    registry.addViewController("/owner/").setViewName("forward:/owner/index.html");
  }
}
