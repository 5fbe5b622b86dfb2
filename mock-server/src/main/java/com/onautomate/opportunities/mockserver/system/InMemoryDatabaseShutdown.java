package com.onautomate.opportunities.mockserver.system;

import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Drops an in-memory H2 database when its server stops, so that many test servers in one JVM do not pile up. */
@Component
class InMemoryDatabaseShutdown implements DisposableBean {

  private final DataSource dataSource;
  private final String url;

  InMemoryDatabaseShutdown(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
    this.dataSource = dataSource;
    this.url = url;
  }

  @Override
  public void destroy() {
    if (url.startsWith("jdbc:h2:mem:")) {
      new JdbcTemplate(dataSource).execute("SHUTDOWN");
    }
  }
}
