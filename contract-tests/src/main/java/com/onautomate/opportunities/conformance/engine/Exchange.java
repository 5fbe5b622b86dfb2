package com.onautomate.opportunities.conformance.engine;

import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.spec.Operation;
import java.util.List;
import java.util.Map;

/**
 * One request sent and the response received, with what the checks need to judge it.
 *
 * @param step the scenario step this is (e.g. {@code read-after-create}), or null for a plain case
 * @param history the earlier exchanges of the same scenario, oldest first
 * @param facts what the scenario knows that the exchange cannot tell (e.g. fixtures that a filter must return)
 */
public record Exchange(TestCase testCase, Response response, String step, List<Exchange> history,
                       Map<String, Object> facts) {

  public Exchange {
    history = List.copyOf(history);
    facts = Map.copyOf(facts);
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

  public boolean isStep(String name) {
    return name.equals(step);
  }

  @SuppressWarnings("unchecked")
  public <T> T fact(String name) {
    return (T) facts.get(name);
  }
}
