package com.onautomate.opportunities.mockserver.opportunities;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** At start, before requests: every pipeline's page buckets add up to its opportunities. */
@Component
class PageBucketCheck implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(PageBucketCheck.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final PageBuckets buckets;

  PageBucketCheck(JdbcClient jdbc, TransactionTemplate tx, PageBuckets buckets) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.buckets = buckets;
  }

  @Override
  public void afterPropertiesSet() {
    List<String> pipelines = jdbc.sql("SELECT id FROM pipeline").query(String.class).list();
    for (String pipelineId : pipelines) {
      boolean rebuilt = Boolean.TRUE.equals(tx.execute(status -> {
        // The pipeline's row lock, as creates and deletes take it: nothing changes while it is recounted.
        jdbc.sql("SELECT id FROM pipeline WHERE id = ? FOR UPDATE").param(pipelineId).query(String.class).single();
        return buckets.rebuildIfStale(pipelineId);
      }));
      if (rebuilt) {
        log.info("Recounted the pages of pipeline {} (rows were written without the server)", pipelineId);
      }
    }
  }
}
