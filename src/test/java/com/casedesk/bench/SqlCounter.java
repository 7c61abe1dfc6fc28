package com.casedesk.bench;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts what reaches the database through one DataSource (datasource-proxy): JDBC executions
 * (round trips: a batch is one), SQL statements (each row of a batch counts), commits and
 * rollbacks. {@link #reset()} starts a new count.
 */
final class SqlCounter implements QueryExecutionListener {

  final LongAdder executions = new LongAdder();
  final LongAdder statements = new LongAdder();
  final LongAdder selects = new LongAdder();
  final LongAdder commits = new LongAdder();
  final LongAdder rollbacks = new LongAdder();
  /** statements by verb and first table ("insert act_hi_detail"), kept when asked for */
  final java.util.concurrent.ConcurrentHashMap<String, LongAdder> byTable = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile(
      "(?is)^\\s*(?:(update)\\s+([a-z_0-9.]+)|(select|insert|delete).*?(?:from|into)\\s+([a-z_0-9.]+))");

  DataSource wrap(DataSource dataSource) {
    return ProxyDataSourceBuilder.create(dataSource)
        .name("bench")
        .listener(this)
        .afterMethod(this::afterMethod)
        .build();
  }

  private void afterMethod(MethodExecutionContext context) {
    Method method = context.getMethod();
    if (context.getTarget() instanceof Connection) {
      if (method.getName().equals("commit")) {
        commits.increment();
      } else if (method.getName().equals("rollback") && method.getParameterCount() == 0) {
        rollbacks.increment();
      }
    }
  }

  @Override
  public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

  @Override
  public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    executions.increment();
    for (QueryInfo query : queryInfoList) {
      int rows = execInfo.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
      statements.add(rows);
      String sql = query.getQuery().stripLeading();
      // a query with a WITH clause (CaseDesk's Authorization.xml) is a select too
      boolean with = sql.regionMatches(true, 0, "with", 0, 4);
      if (with || sql.regionMatches(true, 0, "select", 0, 6)) {
        selects.add(rows);
      }
      java.util.regex.Matcher matcher = TABLE.matcher(with ? sql.replaceFirst("(?is)^with\\b.*?\\bselect\\b", "select") : sql);
      String key = !matcher.find() ? null : matcher.group(1) != null
          ? "update " + matcher.group(2).toLowerCase()
          : matcher.group(3).toLowerCase() + " " + matcher.group(4).toLowerCase();
      key = key != null ? key
          : query.getQuery().strip().split("\\s+")[0].toLowerCase();
      byTable.computeIfAbsent(key, k -> new LongAdder()).add(rows);
    }
  }

  void reset() {
    executions.reset();
    statements.reset();
    selects.reset();
    commits.reset();
    rollbacks.reset();
    byTable.clear();
  }
}
