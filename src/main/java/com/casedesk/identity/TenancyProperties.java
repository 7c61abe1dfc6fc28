package com.casedesk.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code casedesk.tenancy.group-level-processes}: process definition keys whose instances belong
 * to the whole group (e.g. a drill scheduler), not to one frontline company.
 */
@ConfigurationProperties("casedesk.tenancy")
record TenancyProperties(List<String> groupLevelProcesses) {

  TenancyProperties {
    groupLevelProcesses = groupLevelProcesses == null ? List.of() : List.copyOf(groupLevelProcesses);
  }
}
