package com.casedesk.identity;

import com.casedesk.directory.Directory;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Stamps every process instance with its frontline company (tenant), so that staff of one
 * company never see another's cases. The company is taken, in this order, from
 * <ol>
 *   <li>the start variable {@value #COMPANY_CODE} (a company code),</li>
 *   <li>the start variable {@value #UNIT_CODE} or {@value #PROJECT_CODE}, through the directory,</li>
 *   <li>the calling process instance (call activities stay in their parent's company),</li>
 *   <li>the single company of the user who starts it.</li>
 * </ol>
 * Without any of these the start is refused with a clear message, unless the process is listed
 * in {@code casedesk.tenancy.group-level-processes}.
 */
@Component
class CompanyTenantIdProvider implements TenantIdProvider {

  static final String COMPANY_CODE = "companyCode";
  static final String UNIT_CODE = "unitCode";
  /** How refusals begin (EngineRefusalStatusFilter answers them with 400 and 403). */
  static final String NO_COMPANY = "Cannot tell which frontline company";
  static final String NOT_A_MEMBER = "does not work for company";
  static final String PROJECT_CODE = "projectCode";

  private final Directory directory;
  private final TenancyProperties tenancy;
  private final IdentityService identityService;

  CompanyTenantIdProvider(Directory directory, TenancyProperties tenancy, @Lazy IdentityService identityService) {
    this.directory = directory;
    this.tenancy = tenancy;
    this.identityService = identityService;
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    String definitionKey = ctx.getProcessDefinition().getKey();
    VariableMap variables = ctx.getVariables();
    Optional<String> fromVariables = fromVariables(variables);
    if (fromVariables.isPresent()) {
      return requireMembership(fromVariables.get(), definitionKey);
    }
    DelegateExecution caller = ctx.getSuperExecution();
    if (caller != null && caller.getTenantId() != null) {
      return caller.getTenantId();
    }
    Optional<String> fromUser = fromAuthenticatedUser();
    if (fromUser.isPresent()) {
      return fromUser.get(); // the process itself reports an unknown unit or project to its user
    }
    if (tenancy.groupLevelProcesses().contains(definitionKey)) {
      return null;
    }
    throw new ProcessEngineException(NO_COMPANY + " a '" + definitionKey
        + "' instance belongs to: pass the variable '" + COMPANY_CODE + "', or a '" + UNIT_CODE + "' or '"
        + PROJECT_CODE + "' of the directory" + unknownCodes(variables)
        + ", or start it as a user of exactly one company. No instance was started.");
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null; // CaseDesk uses no CMMN
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
  }

  private Optional<String> fromVariables(VariableMap variables) {
    if (variables == null) {
      return Optional.empty();
    }
    String company = string(variables, COMPANY_CODE);
    if (company != null) {
      if (directory.company(company).isEmpty()) {
        throw new ProcessEngineException("Unknown frontline company '" + company + "' (variable "
            + COMPANY_CODE + "). No instance was started.");
      }
      return Optional.of(company);
    }
    String unit = string(variables, UNIT_CODE);
    Optional<String> ofUnit = unit == null ? Optional.empty() : directory.companyOfUnit(unit);
    if (ofUnit.isPresent()) {
      return ofUnit;
    }
    String project = string(variables, PROJECT_CODE);
    return project == null ? Optional.empty() : directory.companyOfProject(project);
  }

  private static String unknownCodes(VariableMap variables) {
    StringBuilder unknown = new StringBuilder();
    for (String name : new String[] {UNIT_CODE, PROJECT_CODE}) {
      String value = variables == null ? null : string(variables, name);
      if (value != null) {
        unknown.append(" (").append(name).append(" '").append(value).append("' is not in the directory)");
      }
    }
    return unknown.toString();
  }

  /** A user may open cases only for companies they work for (the group centre works for all). */
  private String requireMembership(String tenantId, String definitionKey) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      return tenantId; // the engine itself: jobs, call activities, start-up
    }
    List<String> groups = authentication.getGroupIds();
    if (groups != null && groups.contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN)) {
      return tenantId;
    }
    List<String> tenants = authentication.getTenantIds();
    if (tenants == null || !tenants.contains(tenantId)) {
      throw new ProcessEngineException("User '" + authentication.getUserId() + "' " + NOT_A_MEMBER + " '"
          + tenantId + "' and cannot start '" + definitionKey + "' for it. No instance was started.");
    }
    return tenantId;
  }

  private Optional<String> fromAuthenticatedUser() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      return Optional.empty();
    }
    List<String> tenants = authentication.getTenantIds();
    return tenants != null && tenants.size() == 1 ? Optional.of(tenants.get(0)) : Optional.empty();
  }

  private static String string(VariableMap variables, String name) {
    Object value = variables.get(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
