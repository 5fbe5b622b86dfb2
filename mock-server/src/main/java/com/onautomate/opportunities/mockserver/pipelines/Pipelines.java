package com.onautomate.opportunities.mockserver.pipelines;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pipelines and their stages ({@code pipeline}, {@code pipeline_stage}; the opportunity count and
 * page buckets of a pipeline are the opportunity store's). The API never changes or deletes a
 * pipeline or a stage, so a pipeline once read is remembered (never a missing one: it may be created
 * later on the same database).
 */
@Component
public class Pipelines {

  private final JdbcClient jdbc;
  private final ConcurrentMap<String, Pipeline> byId = new ConcurrentHashMap<>();

  Pipelines(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stage as it is created: its order is its place in the pipeline's list. */
  public record Stage(String id, String name) {
  }

  /** A new pipeline with its stages, in the caller's transaction; it starts with no opportunities. */
  public Pipeline add(String id, String locationId, String name, boolean allowDuplicates, List<Stage> stages) {
    jdbc.sql("INSERT INTO pipeline (id, location_id, name, allow_duplicates, opportunity_count) VALUES (?, ?, ?, ?, 0)")
        .params(id, locationId, name, allowDuplicates).update();
    Set<String> stageIds = new HashSet<>();
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      jdbc.sql("INSERT INTO pipeline_stage (id, pipeline_id, name, sort_order) VALUES (?, ?, ?, ?)")
          .params(stage.id(), id, stage.name(), i + 1).update();
      stageIds.add(stage.id());
    }
    return new Pipeline(id, locationId, allowDuplicates, Set.copyOf(stageIds));
  }

  /** Every pipeline, of every location. */
  public List<Pipeline> all() {
    List<Pipeline> all = new ArrayList<>();
    for (String id : jdbc.sql("SELECT id FROM pipeline ORDER BY id").query(String.class).list()) {
      Pipeline pipeline = remembered(id);
      if (pipeline != null) {
        all.add(pipeline);
      }
    }
    return all;
  }

  /** The pipeline, when it exists and belongs to the location; otherwise empty, never telling which. */
  public Optional<Pipeline> find(String locationId, String pipelineId) {
    Pipeline pipeline = remembered(pipelineId);
    return pipeline != null && pipeline.locationId().equals(locationId) ? Optional.of(pipeline) : Optional.empty();
  }

  private Pipeline remembered(String pipelineId) {
    Pipeline pipeline = byId.get(pipelineId);
    if (pipeline == null) {
      pipeline = load(pipelineId);
      if (pipeline != null) {
        byId.put(pipelineId, pipeline);
      }
    }
    return pipeline;
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
