package com.onautomate.opportunities.mockserver.pipelines;

import java.util.Set;

/** A pipeline of a location, with the ids of its stages and its duplicate-opportunity setting. */
public record Pipeline(String id, String locationId, boolean allowDuplicates, Set<String> stageIds) {

  public boolean hasStage(String stageId) {
    return stageIds.contains(stageId);
  }
}
