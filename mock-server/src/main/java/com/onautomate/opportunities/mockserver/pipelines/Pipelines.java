package com.onautomate.opportunities.mockserver.pipelines;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pipelines and their stages. The API never changes or deletes a pipeline or a stage, so a pipeline
 * once read is remembered (never a missing one: it may be created later on the same database).
 */
@Component
public class Pipelines {

  private final JdbcClient jdbc;
  private final ConcurrentMap<String, Pipeline> byId = new ConcurrentHashMap<>();

  Pipelines(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The pipeline, when it exists and belongs to the location; otherwise empty, never telling which. */
  public Optional<Pipeline> find(String locationId, String pipelineId) {
    Pipeline pipeline = byId.get(pipelineId);
    if (pipeline == null) {
      pipeline = load(pipelineId);
      if (pipeline == null) {
        return Optional.empty();
      }
      byId.put(pipelineId, pipeline);
    }
    return pipeline.locationId().equals(locationId) ? Optional.of(pipeline) : Optional.empty();
  }

  private Pipeline load(String pipelineId) {
    record Row(String locationId, boolean allowDuplicates) {
    }
    Optional<Row> row = jdbc.sql("SELECT location_id, allow_duplicates FROM pipeline WHERE id = ?")
        .param(pipelineId)
        .query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2)))
        .optional();
    if (row.isEmpty()) {
      return null;
    }
    List<String> stages = jdbc.sql("SELECT id FROM pipeline_stage WHERE pipeline_id = ?")
        .param(pipelineId).query(String.class).list();
    Set<String> stageIds = Set.copyOf(new HashSet<>(stages));
    return new Pipeline(pipelineId, row.get().locationId(), row.get().allowDuplicates(), stageIds);
  }
}
