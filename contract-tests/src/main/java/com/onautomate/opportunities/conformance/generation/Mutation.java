package com.onautomate.opportunities.conformance.generation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A change to a valid body or query, described for the report. */
record Mutation(String description, String target, Consumer<ObjectNode> apply,
                Consumer<List<Map.Entry<String, String>>> query) {
  static Mutation body(String description, String target, Consumer<ObjectNode> apply) {
    return new Mutation(description, target, apply, q -> { });
  }

  static Mutation query(String description, String target, Consumer<List<Map.Entry<String, String>>> query) {
    return new Mutation(description, target, b -> { }, query);
  }
}
