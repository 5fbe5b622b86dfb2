package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.tenancy.Locations;
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
  private final Locations locations;

  PageBucketCheck(JdbcClient jdbc, TransactionTemplate tx, PageBuckets buckets, Locations locations) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.buckets = buckets;
    this.locations = locations;
  }

  @Override
  public void afterPropertiesSet() {
    record Row(String pipelineId, String locationId) {
    }
    List<Row> pipelines = jdbc.sql("SELECT id, location_id FROM pipeline")
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).list();
    for (Row row : pipelines) {
      String pipelineId = row.pipelineId();
      boolean rebuilt = Boolean.TRUE.equals(tx.execute(status -> {
        // The pipeline's row lock, as creates and deletes take it: nothing changes while it is recounted.
        jdbc.sql("SELECT id FROM pipeline WHERE id = ? FOR UPDATE").param(pipelineId).query(String.class).single();
        if (!buckets.rebuildIfStale(pipelineId)) {
          return false;
        }
        // Rows came from elsewhere: totals other servers remember for the location are void.
        locations.dataChanged(row.locationId());
        return true;
      }));
      if (rebuilt) {
        log.info("Recounted the pages of pipeline {} (rows were written without the server)", pipelineId);
      }
    }
  }
}
