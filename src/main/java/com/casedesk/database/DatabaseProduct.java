package com.casedesk.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Which database a DataSource leads to, for the few statements that differ between H2 and PostgreSQL. */
public final class DatabaseProduct {

  private DatabaseProduct() {}

  public static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product", e);
    }
  }
}
