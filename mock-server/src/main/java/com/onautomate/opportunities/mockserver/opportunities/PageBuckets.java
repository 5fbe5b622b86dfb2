package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.storage.Database;
import com.onautomate.opportunities.mockserver.system.MockServerProperties;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Buckets of a pipeline's opportunities in page order (see the {@code page_bucket} table), so that
 * a deep page costs what page 1 costs. Part of {@link OpportunityStore}, the only caller: every
 * change is made by the store's write, in its transaction, while it holds the pipeline's row lock,
 * so counts are exact and several servers on one database agree.
 */
@Component
class PageBuckets {

  /** The first key of a bucket and how many opportunities are in it. */
  record Bucket(long startCreatedAt, String startId, long count) {
  }

  private final JdbcClient jdbc;
  private final int size;
  private final String pageIndex;

  PageBuckets(JdbcClient jdbc, MockServerProperties properties, Database database) {
    this.jdbc = jdbc;
    this.size = Math.max(1, properties.pageBucketSize());
    this.pageIndex = database.isH2() ? " USE INDEX (ix_opportunity_page)" : "";
  }

  /** Counts an opportunity just inserted. The caller holds the pipeline's row lock. */
  void added(String pipelineId, long createdAt, String id) {
    Optional<Bucket> bucket = bucketOf(pipelineId, createdAt, id);
    if (bucket.isEmpty()) {
      List<Bucket> first = jdbc.sql("""
              SELECT start_created_at, start_id, row_count FROM page_bucket WHERE pipeline_id = ?
              ORDER BY start_created_at, start_id""")
          .param(pipelineId).query(PageBuckets::bucket).list();
      if (first.isEmpty()) {
        insert(pipelineId, createdAt, id);
      } else {
        // Before every bucket (a clock behind another server's): the first bucket starts here now.
        Bucket b = first.get(0);
        jdbc.sql("""
                UPDATE page_bucket SET start_created_at = ?, start_id = ?, row_count = row_count + 1
                WHERE pipeline_id = ? AND start_created_at = ? AND start_id = ?""")
            .params(createdAt, id, pipelineId, b.startCreatedAt(), b.startId()).update();
      }
      return;
    }
    Bucket b = bucket.get();
    if (b.count() >= size && isLastKey(pipelineId, createdAt, id)) {
      insert(pipelineId, createdAt, id);
    } else {
      add(pipelineId, b, 1);
    }
  }

  /** Uncounts an opportunity just deleted. The caller holds the pipeline's row lock. */
  void removed(String pipelineId, long createdAt, String id) {
    bucketOf(pipelineId, createdAt, id).ifPresent(b -> add(pipelineId, b, -1));
  }

  /** How many opportunities the pipeline's buckets count. */
  long counted(String pipelineId) {
    return jdbc.sql("SELECT COALESCE(SUM(row_count), 0) FROM page_bucket WHERE pipeline_id = ?")
        .param(pipelineId).query(Long.class).single();
  }

  /** Forgets the pipeline's buckets: it has no opportunities left. */
  void clear(String pipelineId) {
    jdbc.sql("DELETE FROM page_bucket WHERE pipeline_id = ?").param(pipelineId).update();
  }

  /** Cuts the pipeline's opportunities into buckets anew. The caller holds the pipeline's row lock. */
  void rebuild(String pipelineId) {
    clear(pipelineId);
    long[] inBucket = {0};
    Object[][] start = {null};
    jdbc.sql("SELECT created_at, id FROM opportunity" + pageIndex
            + " WHERE pipeline_id = ? ORDER BY pipeline_id, created_at, id")
        .param(pipelineId)
        .query(rs -> {
          if (inBucket[0] == size) {
            insertCounted(pipelineId, start[0], inBucket[0]);
            inBucket[0] = 0;
          }
          if (inBucket[0] == 0) {
            start[0] = new Object[] {rs.getLong(1), rs.getString(2)};
          }
          inBucket[0]++;
        });
    if (inBucket[0] > 0) {
      insertCounted(pipelineId, start[0], inBucket[0]);
    }
  }

  private void insertCounted(String pipelineId, Object[] start, long count) {
    jdbc.sql("INSERT INTO page_bucket (pipeline_id, start_created_at, start_id, row_count) VALUES (?, ?, ?, ?)")
        .params(pipelineId, start[0], start[1], count).update();
  }

  /** The pipeline's buckets in page order. */
  List<Bucket> all(String pipelineId) {
    return jdbc.sql("""
            SELECT start_created_at, start_id, row_count FROM page_bucket WHERE pipeline_id = ?
            ORDER BY start_created_at, start_id""")
        .param(pipelineId).query(PageBuckets::bucket).list();
  }

  /**
   * The bucket the key falls in: the last one starting at or before it. Spelled as a row comparison
   * and in the primary key's full order, so that H2 reads one index entry backwards; spelled as
   * {@code a <= ? AND (a < ? OR b <= ?)} it read and sorted every earlier bucket (a create cost
   * grew with the pipeline: 30 % of a create's CPU at 300 buckets).
   */
  private Optional<Bucket> bucketOf(String pipelineId, long createdAt, String id) {
    return jdbc.sql("""
            SELECT start_created_at, start_id, row_count FROM page_bucket
            WHERE pipeline_id = ? AND (start_created_at, start_id) <= (?, ?)
            ORDER BY pipeline_id DESC, start_created_at DESC, start_id DESC LIMIT 1""")
        .params(pipelineId, createdAt, id).query(PageBuckets::bucket).optional();
  }

  /** Whether no opportunity of the pipeline sorts after this key (so a new bucket may start at it). */
  private boolean isLastKey(String pipelineId, long createdAt, String id) {
    return jdbc.sql("SELECT COUNT(*) FROM opportunity" + pageIndex
            + " WHERE pipeline_id = ? AND created_at >= ? AND (created_at > ? OR id > ?)")
        .params(pipelineId, createdAt, createdAt, id).query(Long.class).single() == 0;
  }

  private void insert(String pipelineId, long createdAt, String id) {
    jdbc.sql("INSERT INTO page_bucket (pipeline_id, start_created_at, start_id, row_count) VALUES (?, ?, ?, 1)")
        .params(pipelineId, createdAt, id).update();
  }

  private void add(String pipelineId, Bucket b, int delta) {
    jdbc.sql("""
            UPDATE page_bucket SET row_count = row_count + ?
            WHERE pipeline_id = ? AND start_created_at = ? AND start_id = ?""")
        .params(delta, pipelineId, b.startCreatedAt(), b.startId()).update();
  }

  private static Bucket bucket(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Bucket(rs.getLong(1), rs.getString(2), rs.getLong(3));
  }
}
