package com.casedesk.models;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * Adds CaseDesk's indexes and statistics on the engine's own tables once the engine has created or
 * upgraded its schema: {@code db/engine/*.sql} on every database, then
 * {@code db/engine/<database>/*.sql} for the database in use ({@code postgresql}, {@code h2}: the
 * JDBC product name in lower case). Every statement must be repeatable ({@code IF NOT EXISTS}).
 * Flyway cannot own them: it may run before the engine has created the tables they are on. Which
 * index serves which query, and what it saved, is in docs/performance.md.
 *
 * <p>{@code casedesk.engine.extra-indexes: false} leaves the engine's schema as Camunda ships it
 * (the benchmark's out-of-the-box baseline).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  static final String LOCATION = "classpath*:db/engine/*.sql";
  static final String DATABASE_LOCATION = "classpath*:db/engine/%s/*.sql";
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
    try (Connection connection = dataSource.getConnection()) {
      String database = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
      List<Resource> scripts = new ArrayList<>(Arrays.asList(resolver.getResources(LOCATION)));
      scripts.addAll(Arrays.asList(resolver.getResources(DATABASE_LOCATION.formatted(database))));
      if (scripts.isEmpty()) {
        return;
      }
      ResourceDatabasePopulator populator = new ResourceDatabasePopulator(scripts.toArray(Resource[]::new));
      populator.setSqlScriptEncoding("UTF-8");
      populator.populate(connection);
      LOG.info("Engine indexes: {} scripts applied ({})", scripts.size(), database);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + LOCATION, e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot add the engine indexes", e);
    }
  }
}
