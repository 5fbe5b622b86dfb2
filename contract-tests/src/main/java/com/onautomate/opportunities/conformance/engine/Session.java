package com.onautomate.opportunities.conformance.engine;

import com.onautomate.opportunities.conformance.generation.CaseGenerator;
import com.onautomate.opportunities.conformance.generation.Identities;
import com.onautomate.opportunities.conformance.generation.Requests;
import com.onautomate.opportunities.conformance.generation.Values;
import com.onautomate.opportunities.conformance.spec.OpportunityOperations;

/**
 * What the stateful sequences and the contract's scenarios work with: the run's options, the contract's operations,
 * the generator (values, the request builder, identities), the dispatcher that sends and records, and the recorder,
 * told what could not be sent and why.
 */
public record Session(RunOptions options, OpportunityOperations operations, CaseGenerator gen,
                      Dispatcher dispatcher, Recorder recorder) {

  public Requests requests() {
    return gen.requests();
  }

  public Values values() {
    return gen.values();
  }

  public Identities identities() {
    return gen.identities();
  }

  /** Lists every page of a filtered query, the last page recorded as a {@link Step#FILTER}. */
  public FilteredListing listing() {
    return new FilteredListing(this);
  }
}
