package com.casedesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each feature package is a module that others use only through its public types; no cycles.
 * Also writes the module diagrams to target/spring-modulith-docs.
 */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(CaseDeskApplication.class);

  @Test
  void feature_packages_respect_their_boundaries() {
    modules.verify();
  }

  @Test
  void module_documentation_is_written() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
