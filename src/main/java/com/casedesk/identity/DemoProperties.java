package com.casedesk.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Demo users of {@code application-demo.yaml}; all share {@code casedesk.demo.password}. */
@Validated
@ConfigurationProperties("casedesk.demo")
record DemoProperties(String password, @Valid List<DemoUser> users) {

  DemoProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  record DemoUser(@NotBlank String id, @NotBlank String name, String title, List<String> groups,
      String company, String contractor) {

    DemoUser {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }
}
