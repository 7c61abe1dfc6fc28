package com.casedesk.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The role catalogue and Tasklist filters of {@code casedesk-roles.yaml}. */
@Validated
@ConfigurationProperties("casedesk.identity")
record IdentityProperties(@NotEmpty @Valid List<Role> roles, @NotEmpty @Valid List<TaskFilter> filters) {

  /** Whose tasks a role's members work on. */
  enum Scope {
    /** one frontline company: its members' users are in that company's tenant */
    COMPANY,
    /** the whole group: the group is a member of every company's tenant */
    GROUP,
    /** a contractor: one group per contractor company, seeing only tasks it is a candidate for */
    CONTRACTOR
  }

  record Role(
      @NotBlank String id,
      @NotBlank String name,
      @NotNull Scope scope,
      List<String> applications,
      @Valid List<Grant> grants) {

    Role {
      applications = applications == null ? List.of() : List.copyOf(applications);
      grants = grants == null ? List.of() : List.copyOf(grants);
    }
  }

  /** Camunda resource type name (e.g. TASK) and permission names (e.g. READ, UPDATE). */
  record Grant(@NotBlank String resource, @NotEmpty List<String> permissions) {}

  record TaskFilter(@NotBlank String id, @NotBlank String name, int priority, String description) {}
}
