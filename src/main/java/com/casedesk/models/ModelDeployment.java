package com.casedesk.models;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of processes/ and forms/ (copied to the classpath) when the engine starts,
 * as one deployment named "casedesk" whose resources are named by their classpath path
 * ({@code processes/unit-handover.bpmn}, {@code forms/unit-joint-inspection.html}), the same
 * whether CaseDesk runs from a jar or from target/classes. (The starter's own auto-deployment,
 * switched off in application.yaml, names a resource by its absolute file path outside a jar, so
 * {@code embedded:deployment:forms/…html} forms could not be found by one fixed name.)
 *
 * <p>Nothing changed since the last start: nothing is deployed. Anything changed: every model is
 * deployed again, so that an embedded form always sits in the deployment of its process.
 */
@Component
class ModelDeployment extends AbstractProcessEnginePlugin {

  static final String NAME = "casedesk";
  static final List<String> PATTERNS = List.of("classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
      "classpath*:forms/**/*.form", "classpath*:forms/**/*.html");
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    Map<String, byte[]> models = models();
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name(NAME)
        .source(NAME)
        .enableDuplicateFiltering(false);
    models.forEach((name, content) -> deployment.addInputStream(name, new java.io.ByteArrayInputStream(content)));
    var deployed = deployment.deployWithResult();
    LOG.info("Models: {} resources, deployment {} ({} definitions new)", models.size(), deployed.getId(),
        deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size());
  }

  /** Every model by its classpath path, e.g. forms/unit-joint-inspection.html. */
  static Map<String, byte[]> models() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, byte[]> models = new TreeMap<>();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          String url = resource.getURL().toString();
          String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
          String name = url.substring(url.lastIndexOf("/" + folder) + 1);
          try (InputStream in = resource.getInputStream()) {
            models.put(name, in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the models from the classpath", e);
    }
    if (models.isEmpty()) {
      throw new IllegalStateException("No models found on the classpath (" + PATTERNS + ")");
    }
    return models;
  }
}
