package com.casedesk.report;

import com.casedesk.api.ApiCaller;
import com.casedesk.calendar.WorkingTime;
import com.casedesk.directory.Company;
import com.casedesk.directory.Contractor;
import com.casedesk.directory.Directory;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The names staff read in reports: companies, projects, processes (the Chinese name of the latest
 * definition), departments (the Camunda group's name; several candidate groups are joined with
 * "、"), people (the staff profile's display name), times in office time. A code without a name
 * shows as the code.
 */
@Component
class Labels {

  private final Directory directory;
  private final IdentityService identityService;
  private final RepositoryService repositoryService;
  private final WorkingTime workingTime;
  private final ApiCaller caller;

  Labels(Directory directory, IdentityService identityService, RepositoryService repositoryService,
      WorkingTime workingTime, ApiCaller caller) {
    this.directory = directory;
    this.identityService = identityService;
    this.repositoryService = repositoryService;
    this.workingTime = workingTime;
    this.caller = caller;
  }

  /** The names of one request; looked up once per request, people on demand. */
  final class Lookup {
    private final Map<String, String> companies = directory.companies().stream()
        .collect(Collectors.toMap(Company::code, Company::name));
    private final Map<String, String> projects = directory.projects().stream()
        .collect(Collectors.toMap(Directory.ProjectEntry::code, Directory.ProjectEntry::name));
    private final Map<String, String> processes = asEngine(() -> repositoryService.createProcessDefinitionQuery()
        .latestVersion().list().stream()
        .filter(definition -> definition.getName() != null)
        .collect(Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getName, (a, b) -> a)));
    private final Map<String, String> groups = groupNames();
    private final Map<String, String> people = new LinkedHashMap<>();

    String company(String code) {
      return code == null ? null : companies.getOrDefault(code, code);
    }

    String project(String code) {
      return code == null ? null : projects.getOrDefault(code, code);
    }

    String process(String key) {
      return key == null ? null : processes.getOrDefault(key, key);
    }

    String department(String groupIds) {
      if (groupIds == null) {
        return null;
      }
      return Arrays.stream(groupIds.split(",")).map(id -> groups.getOrDefault(id, id)).collect(Collectors.joining("、"));
    }

    /** Loads the display names of these users (call once per page before {@link #person}). */
    void loadPeople(Collection<String> userIds) {
      people.putAll(directory.staffNames(userIds.stream().filter(java.util.Objects::nonNull).distinct().toList()));
    }

    String person(String userId) {
      return userId == null ? null : people.getOrDefault(userId, userId);
    }

    /** A database time (server-local) as office time (Asia/Shanghai), whatever zone the server runs in. */
    LocalDateTime time(LocalDateTime serverLocal) {
      return serverLocal == null ? null
          : serverLocal.atZone(ZoneId.systemDefault()).withZoneSameInstant(workingTime.zone()).toLocalDateTime();
    }
  }

  Lookup lookup() {
    return new Lookup();
  }

  private Map<String, String> groupNames() {
    Map<String, String> names = new LinkedHashMap<>();
    asEngine(() -> identityService.createGroupQuery().list()).forEach((Group group) ->
        names.put(group.getId(), group.getName() == null ? group.getId() : group.getName()));
    for (Contractor contractor : directory.contractors()) {
      names.putIfAbsent("contractor-" + contractor.code(), contractor.name());
    }
    return names;
  }

  /** Names are read as the engine: a manager may not have READ on groups, yet reads their names in reports. */
  private <T> T asEngine(Supplier<T> query) {
    return caller.asEngine(query);
  }

}
