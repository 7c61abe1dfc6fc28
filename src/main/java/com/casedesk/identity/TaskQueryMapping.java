package com.casedesk.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine configuration, as the Camunda starter builds it, with one change: the queries behind
 * Tasklist's filters read CaseDesk's copies of two engine mappings, which check authorizations
 * with sub-queries instead of joining {@code ACT_RU_AUTHORIZATION} into the result:
 * {@value #OUR_TASK_MAPPING} for the task query ({@code TaskService#createTaskQuery}) and
 * {@value #OUR_VARIABLE_MAPPING} for the variables Tasklist shows with each page of tasks
 * ({@code RuntimeService#createVariableInstanceQuery}). Same grants, same results; at 100,000 open
 * tasks the front desk's filters answer in a fraction of a second instead of not at all
 * (docs/performance.md, "Tasklist at 100,000 open tasks"). Operaton made the same kind of change
 * to the task query in its engine (operaton/operaton#3152). A third, {@value #OUR_AUTHORIZATION_MAPPING},
 * reads the group ids that have any authorization (which every command with an authorization check
 * asks for once) from the index on the group id instead of a {@code DISTINCT} over every grant,
 * one of which each candidate group of each open task has.
 *
 * <p>{@code casedesk.engine.task-query-authorization: camunda} keeps the engine's own mappings (the
 * benchmark's out-of-the-box baseline).
 */
@Configuration(proxyBeanMethods = false)
class TaskQueryMapping {

  static final String ENGINE_TASK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  static final String OUR_TASK_MAPPING = "db/engine/mapping/Task.xml";
  static final String ENGINE_VARIABLE_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/VariableInstance.xml";
  static final String OUR_VARIABLE_MAPPING = "db/engine/mapping/VariableInstance.xml";
  static final String ENGINE_AUTHORIZATION_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Authorization.xml";
  static final String OUR_AUTHORIZATION_MAPPING = "db/engine/mapping/Authorization.xml";
  /** each engine mapping CaseDesk replaces, with its replacement */
  static final Map<String, String> OUR_MAPPINGS = Map.of(
      ENGINE_TASK_MAPPING, OUR_TASK_MAPPING,
      ENGINE_VARIABLE_MAPPING, OUR_VARIABLE_MAPPING,
      ENGINE_AUTHORIZATION_MAPPING, OUR_AUTHORIZATION_MAPPING);
  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryMapping.class);

  /** replaces the starter's bean of the same type (it is {@code @ConditionalOnMissingBean}) and does what it does */
  @Bean
  ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins,
      @Value("${casedesk.engine.task-query-authorization:casedesk}") String authorization) {
    boolean ours = switch (authorization) {
      case "casedesk" -> true;
      case "camunda" -> false;
      default -> throw new IllegalArgumentException("casedesk.engine.task-query-authorization is '"
          + authorization + "'; allowed: casedesk (sub-queries, the default) or camunda (the engine's join)");
    };
    SpringProcessEngineConfiguration configuration =
        CamundaSpringBootUtil.initCustomFields(ours ? new WithOurMappings() : new SpringProcessEngineConfiguration());
    configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
    LOG.info("Authorization checks of the task and variable queries, authorized group ids: {}", ours
        ? "CaseDesk's mappings (" + String.join(", ", OUR_MAPPINGS.values()) + ")" : "the engine's");
    return configuration;
  }

  /** the engine's MyBatis configuration with CaseDesk's mappings in place of the engine's */
  static String withOurMappings(String engineConfiguration) {
    String ours = engineConfiguration;
    for (Map.Entry<String, String> mapping : OUR_MAPPINGS.entrySet()) {
      String engineLine = "<mapper resource=\"" + mapping.getKey() + "\" />";
      int first = ours.indexOf(engineLine);
      if (first < 0 || ours.indexOf(engineLine, first + 1) >= 0) {
        throw new IllegalStateException("The engine's MyBatis configuration does not list " + mapping.getKey()
            + " exactly once; " + mapping.getValue() + " was made for camunda-engine 7.24 and must be redone");
      }
      ours = ours.replace(engineLine, "<mapper resource=\"" + mapping.getValue() + "\" />");
    }
    return ours;
  }

  static class WithOurMappings extends SpringProcessEngineConfiguration {
    @Override
    protected InputStream getMyBatisXmlConfigurationSteam() {
      try (InputStream engine = super.getMyBatisXmlConfigurationSteam()) {
        String ours = withOurMappings(new String(engine.readAllBytes(), StandardCharsets.UTF_8));
        return new ByteArrayInputStream(ours.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the engine's MyBatis configuration", e);
      }
    }
  }
}
