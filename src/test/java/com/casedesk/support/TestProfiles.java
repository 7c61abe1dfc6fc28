package com.casedesk.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Integration tests run with {@code -Dspring.profiles.active} as Maven's failsafe sets it
 * ({@code test}, or {@code test,postgres} with {@code -Ppostgres}); {@code test} otherwise.
 */
public class TestProfiles implements ActiveProfilesResolver {

  @Override
  public String[] resolve(Class<?> testClass) {
    String active = System.getProperty("spring.profiles.active", "test");
    return active.split("\\s*,\\s*");
  }
}
