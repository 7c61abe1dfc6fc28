package com.casedesk.report;

import java.util.List;

/**
 * Who asks for a report: the user of the Cockpit session, its groups and the companies (tenants) it
 * works for. Group-level roles (集团客户关系中心) are members of every company's tenant.
 */
public record ReportCaller(String userId, List<String> groupIds, List<String> tenantIds) {

  public ReportCaller {
    groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    tenantIds = tenantIds == null ? List.of() : List.copyOf(tenantIds);
  }
}
