package com.casedesk.models;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Adds CaseDesk's indexes on the engine's own tables ({@code db/engine/*.sql}, each statement
 * {@code CREATE INDEX IF NOT EXISTS}) once the engine has created or upgraded its schema. Flyway
 * cannot own them: it may run before the engine has created the tables it would index. Which index
 * serves which query, and what it saved, is in docs/performance.md.
 *
 * <p>{@code casedesk.engine.extra-indexes: false} leaves the engine's schema as Camunda ships it
 * (the benchmark's out-of-the-box baseline).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  static final String LOCATION = "classpath*:db/engine/*.sql";
  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  private final DataSource dataSource;
  private final boolean enabled;

  EngineIndexes(DataSource dataSource, @Value("${casedesk.engine.extra-indexes:true}") boolean enabled) {
    this.dataSource = dataSource;
    this.enabled = enabled;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!enabled) {
      LOG.info("Engine indexes: off (casedesk.engine.extra-indexes=false)");
      return;
    }
    try {
      Resource[] scripts = new PathMatchingResourcePatternResolver().getResources(LOCATION);
      if (scripts.length == 0) {
        return;
      }
      ResourceDatabasePopulator populator = new ResourceDatabasePopulator(scripts);
      populator.setSqlScriptEncoding("UTF-8");
      populator.execute(dataSource);
      LOG.info("Engine indexes: {} scripts applied", scripts.length);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read " + LOCATION, e);
    }
  }
}
