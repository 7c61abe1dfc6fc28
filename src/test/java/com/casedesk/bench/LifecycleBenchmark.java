package com.casedesk.bench;

import com.casedesk.CaseDeskApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Complaint lifecycles per second through the engine API, with the SQL statements and commits
 * each lifecycle costs (bench/lifecycle.py runs it once per variant, each in a fresh JVM on its
 * own database, and writes the table in docs/performance.md).
 *
 * <pre>
 * java -cp … com.casedesk.bench.LifecycleBenchmark VARIANT JDBC_URL LIFECYCLES THREADS WARMUP [property=value …]
 * </pre>
 *
 * <ul>
 *   <li>{@code casedesk}: the application as shipped (all CaseDesk logic: case record, SLA events,
 *       outbox), profiles postgres/demo, extra properties as given;
 *   <li>{@code default}: the same application and model with Camunda's starter defaults where
 *       CaseDesk tunes the engine: history FULL, removal-time strategy end, no extra engine indexes,
 *       revokes checked
 *       (bench/lifecycle.py also gives it the FEEL engine Camunda brings instead of CaseDesk's newer one);
 *   <li>{@code ceiling}: the same model on a bare engine, history NONE, no CaseDesk logic
 *       ({@link EngineCeiling}).
 * </ul>
 *
 * In every variant the job executor is off and each lifecycle executes its own jobs, and the
 * outbox dispatcher is off (messages are written, not delivered), so the count covers exactly the
 * lifecycle. Prints one line: {@code RESULT variant=… lifecycles=… seconds=… perSecond=…
 * statementsPerLifecycle=… …}.
 */
public final class LifecycleBenchmark {

  private LifecycleBenchmark() {}

  public static void main(String[] args) throws Exception {
    String variant = args[0];
    String url = args[1];
    int lifecycles = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    int warmup = Integer.parseInt(args[4]);
    Map<String, Object> properties = new LinkedHashMap<>();
    for (int i = 5; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      properties.put(pair[0], pair[1]);
    }
    SqlCounter counter = new SqlCounter();
    ConfigurableApplicationContext context = null;
    ProcessEngine engine;
    ComplaintLifecycle lifecycle;
    long startedAt = System.nanoTime();
    if (variant.equals("ceiling")) {
      engine = EngineCeiling.start(url, "postgres", "", counter);
      lifecycle = new ComplaintLifecycle(engine, false, EngineCeiling::computedByCaseDesk);
    } else {
      context = caseDesk(variant, url, properties, counter);
      engine = context.getBean(ProcessEngine.class);
      lifecycle = new ComplaintLifecycle(engine, true, Map::of);
    }
    double startSeconds = (System.nanoTime() - startedAt) / 1e9;

    run(lifecycle, warmup, threads, 0);
    counter.reset();
    long begin = System.nanoTime();
    long cpuBegin = processCpuNanos();
    run(lifecycle, lifecycles, threads, warmup);
    double seconds = (System.nanoTime() - begin) / 1e9;
    double jvmCpuMillis = (processCpuNanos() - cpuBegin) / 1e6 / lifecycles;
    System.out.printf(java.util.Locale.ROOT,
        "RESULT variant=%s lifecycles=%d threads=%d seconds=%.2f perSecond=%.2f statementsPerLifecycle=%.2f "
            + "executionsPerLifecycle=%.2f selectsPerLifecycle=%.2f commitsPerLifecycle=%.2f rollbacks=%d startSeconds=%.1f "
            + "jvmCpuMsPerLifecycle=%.1f feelEngine=%s%n",
        variant, lifecycles, threads, seconds, lifecycles / seconds, counter.statements.sum() / (double) lifecycles,
        counter.executions.sum() / (double) lifecycles, counter.selects.sum() / (double) lifecycles,
        counter.commits.sum() / (double) lifecycles, counter.rollbacks.sum(), startSeconds, jvmCpuMillis, feelEngineJar());
    counter.byTable.entrySet().stream()
        .sorted(Map.Entry.<String, java.util.concurrent.atomic.LongAdder>comparingByValue(
            java.util.Comparator.comparingLong(java.util.concurrent.atomic.LongAdder::sum)).reversed())
        .forEach(entry -> System.out.printf(java.util.Locale.ROOT, "STATEMENTS %s %.2f%n", entry.getKey(),
            entry.getValue().sum() / (double) lifecycles));
    if (context != null) {
      context.close();
    } else {
      engine.close();
    }
    System.exit(0);
  }

  /**
   * CPU time of this JVM (all its threads: the lifecycles', JIT's, GC's), what the application's side of
   * a lifecycle costs; PostgreSQL's CPU is not in it. On a shared machine it varies from run to run too.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The jar the FEEL engine was loaded from: bench/lifecycle.py gives the default variant Camunda's. */
  private static String feelEngineJar() {
    String location = org.camunda.feel.FeelEngine.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static ConfigurableApplicationContext caseDesk(String variant, String url, Map<String, Object> extra,
      SqlCounter counter) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", url);
    if (url.startsWith("jdbc:postgresql:")) {
      properties.put("spring.datasource.username", "postgres");
      properties.put("spring.datasource.password", "");
    }
    properties.put("server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("casedesk.notification.dispatcher-enabled", "false");
    properties.put("spring.autoconfigure.exclude",
        "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration");
    if (variant.equals("default")) {
      // Camunda's starter defaults where application.yaml departs from them
      properties.put("camunda.bpm.history-level", "full");
      properties.put("camunda.bpm.generic-properties.properties.history-removal-time-strategy", "end");
      properties.put("casedesk.engine.extra-indexes", "false");
      properties.put("casedesk.engine.task-query-authorization", "camunda");
      properties.put("camunda.bpm.authorization.authorization-check-revokes", "auto");
      if (url.startsWith("jdbc:postgresql:")) {
        // PostgreSQL's defaults instead of application-postgres.yaml's session settings
        properties.put("spring.datasource.hikari.data-source-properties.options", "-c jit=on -c plan_cache_mode=auto");
        properties.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "false");
      }
    } else if (!variant.equals("casedesk")) {
      throw new IllegalArgumentException("variant: casedesk, default or ceiling, not " + variant);
    }
    properties.putAll(extra);
    List<String> args = new ArrayList<>();
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    String profiles = url.startsWith("jdbc:postgresql:") ? "postgres,demo" : "demo";
    return new SpringApplicationBuilder(CaseDeskApplication.class)
        .profiles(profiles.split(","))
        .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
          @Override
          public Object postProcessAfterInitialization(Object bean, String name) {
            return bean instanceof DataSource dataSource ? counter.wrap(dataSource) : bean;
          }
        }))
        .run(args.toArray(String[]::new));
  }

  private static void run(ComplaintLifecycle lifecycle, int count, int threads, int offset) throws Exception {
    if (count == 0) {
      return;
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
          lifecycle.run(offset + n);
        }
        return null;
      }));
    }
    try {
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
