package com.casedesk.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * The engine configuration, as the Camunda starter builds it, with one change: the task query
 * (Tasklist's filters, {@code TaskService#createTaskQuery}) reads CaseDesk's copy of the engine's
 * {@code Task.xml}, {@value #OUR_TASK_MAPPING}, which checks authorizations with three sub-queries
 * instead of joining {@code ACT_RU_AUTHORIZATION} into the result. Same grants, same results; at
 * 100,000 open tasks the front desk's filters answer in a fraction of a second instead of not at
 * all (docs/performance.md, "Tasklist at 100,000 open tasks"). Operaton made the same kind of
 * change in its engine (operaton/operaton#3152); on moving there this class goes away.
 *
 * <p>{@code casedesk.engine.task-query-authorization: camunda} keeps the engine's own mapping (the
 * benchmark's out-of-the-box baseline).
 */
@Configuration(proxyBeanMethods = false)
class TaskQueryMapping {

  static final String ENGINE_TASK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  static final String OUR_TASK_MAPPING = "db/engine/mapping/Task.xml";
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
        CamundaSpringBootUtil.initCustomFields(ours ? new WithOurTaskMapping() : new SpringProcessEngineConfiguration());
    configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
    LOG.info("Task query authorization check: {}", ours ? "CaseDesk's sub-queries (" + OUR_TASK_MAPPING + ")"
        : "the engine's join");
    return configuration;
  }

  /** the engine's MyBatis configuration with {@value #OUR_TASK_MAPPING} in place of the engine's Task.xml */
  static String withOurTaskMapping(String engineConfiguration) {
    String engineLine = "<mapper resource=\"" + ENGINE_TASK_MAPPING + "\" />";
    int first = engineConfiguration.indexOf(engineLine);
    if (first < 0 || engineConfiguration.indexOf(engineLine, first + 1) >= 0) {
      throw new IllegalStateException("The engine's MyBatis configuration does not list " + ENGINE_TASK_MAPPING
          + " exactly once; " + OUR_TASK_MAPPING + " was made for camunda-engine 7.24 and must be redone");
    }
    return engineConfiguration.replace(engineLine, "<mapper resource=\"" + OUR_TASK_MAPPING + "\" />");
  }

  static class WithOurTaskMapping extends SpringProcessEngineConfiguration {
    @Override
    protected InputStream getMyBatisXmlConfigurationSteam() {
      try (InputStream engine = super.getMyBatisXmlConfigurationSteam()) {
        String ours = withOurTaskMapping(new String(engine.readAllBytes(), StandardCharsets.UTF_8));
        return new ByteArrayInputStream(ours.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the engine's MyBatis configuration", e);
      }
    }
  }
}
