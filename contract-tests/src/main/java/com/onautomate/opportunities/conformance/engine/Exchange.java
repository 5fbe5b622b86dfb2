package com.onautomate.opportunities.conformance.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.spec.Operation;

/**
 * One request sent and the response received, with what the checks need to judge it. Custom checks read
 * {@link #request()}, {@link #response()}, {@link #operation()} and {@link #kind()} (the stable part of the check API);
 * {@link #step()} and {@link #facts()} are the built-in checks' view of sequences and scenarios, and may change.
 *
 * @param step what the exchange is in a sequence or scenario ({@link Step#NONE} for a plain case)
 * @param facts what the sequence knows that the exchange cannot tell, of the type {@code step} declares
 */
public record Exchange(TestCase testCase, Response response, Step step, Facts facts) {

  public Exchange {
    if (!step.facts().isInstance(facts)) {
      throw new IllegalArgumentException(step + " carries " + step.facts().getSimpleName() + ", not " + facts);
    }
  }

  /** A plain case's exchange: no step, no facts. */
  public Exchange(TestCase testCase, Response response) {
    this(testCase, response, Step.NONE, Facts.NONE);
  }

  public Operation operation() {
    return testCase.operation();
  }

  public Request request() {
    return testCase.request();
  }

  public Kind kind() {
    return testCase.kind();
  }

  /** The {@code id} of a 2xx answer's body (a create's new opportunity), or null when there is no usable one. */
  public String answeredId() {
    if (!response.is2xx()) {
      return null;
    }
    JsonNode body = Json.parse(response.body());
    JsonNode id = body == null ? null : body.get("id");
    return id != null && id.isValueNode() && !id.isNull() && !id.asText().isEmpty() ? id.asText() : null;
  }

  /** A create's outcome in a few words, for notes: "answered 422", "answered 200 without a usable `id`". */
  public String createdBriefly() {
    return response.brief() + (response.is2xx() && answeredId() == null ? " without a usable `id`" : "");
  }

  /** The facts of this exchange's step, e.g. {@code exchange.facts(Facts.Filter.class)} on a {@link Step#FILTER}. */
  public <F extends Facts> F facts(Class<F> type) {
    return type.cast(facts);
  }
}
