package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.pipelines.Pipeline;
import com.onautomate.opportunities.mockserver.pipelines.Pipelines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** At start, before requests: every pipeline's page buckets add up to its opportunities. */
@Component
class PageBucketCheck implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(PageBucketCheck.class);

  private final TransactionTemplate tx;
  private final Pipelines pipelines;
  private final OpportunityStore store;

  PageBucketCheck(TransactionTemplate tx, Pipelines pipelines, OpportunityStore store) {
    this.tx = tx;
    this.pipelines = pipelines;
    this.store = store;
  }

  @Override
  public void afterPropertiesSet() {
    for (Pipeline pipeline : pipelines.all()) {
      if (Boolean.TRUE.equals(tx.execute(status -> store.recountIfStale(pipeline)))) {
        log.info("Recounted the pages of pipeline {} (rows were written without the server)", pipeline.id());
      }
    }
  }
}
