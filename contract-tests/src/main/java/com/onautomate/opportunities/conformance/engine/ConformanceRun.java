package com.onautomate.opportunities.conformance.engine;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.generation.CaseGenerator;
import com.onautomate.opportunities.conformance.generation.Identities;
import com.onautomate.opportunities.conformance.http.PathTemplate;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.http.Transport;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.spec.Contract;
import com.onautomate.opportunities.conformance.spec.Operation;
import io.swagger.v3.oas.models.links.Link;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One conformance run: examples, coverage and random cases per operation, stateful sequences along the
 * contract's links, then the contract's own scenarios; every exchange judged by every selected check.
 *
 * <pre>{@code RunResult result = new ConformanceRun(contract, options, checks, context, Progress.SILENT).run();}</pre>
 */
public final class ConformanceRun {
  private static final String FRESH = CaseGenerator.FRESH_OPPORTUNITY;
  private static final List<String> PROBED_METHODS = List.of("GET", "PUT", "POST", "DELETE", "PATCH");

  private final Contract contract;
  private final RunOptions options;
  private final Transport transport;
  private final CaseGenerator gen;
  private final Recorder recorder;
  private final Progress progress;
  /** Requests in flight at once in the examples, coverage and fuzzing phases. */
  private static final int THREADS = 4;
  private final Set<String> alive = new LinkedHashSet<>();
  private ExecutorService pool;
  private final Operation list;
  private final Operation create;
  private final Operation get;
  private final Operation update;
  private final Operation status;
  private final Operation delete;

  public ConformanceRun(Contract contract, RunOptions options, List<Check> checks, CheckContext context,
                        Progress progress) {
    this(contract, options, checks, context, progress, new Identities());
  }

  public ConformanceRun(Contract contract, RunOptions options, List<Check> checks, CheckContext context,
                        Progress progress, Identities identities) {
    this.contract = contract;
    this.options = options;
    this.transport = new Transport(options.baseUrl());
    this.gen = new CaseGenerator(options, identities);
    this.recorder = new Recorder(checks, context, options.baseUrl());
    this.progress = progress;
    this.list = contract.require("listOpportunities");
    this.create = contract.require("createOpportunity");
    this.get = contract.require("getOpportunity");
    this.update = contract.require("updateOpportunity");
    this.status = contract.require("updateOpportunityStatus");
    this.delete = contract.require("deleteOpportunity");
  }

  public RunResult run() {
    pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "conformance-sender");
      t.setDaemon(true);
      return t;
    });
    try {
      return runPhases();
    } finally {
      pool.shutdownNow();
      transport.close();
    }
  }

  private RunResult runPhases() {
    Exchange first = send(gen.requests().positive(list, Phase.EXAMPLES, "preflight: first page", null,
        List.of(Map.entry("limit", "1")), null), Step.NONE, Facts.NONE);
    // Nothing can be verified without access to the pipeline: that is a bad argument, not a failing server.
    if (first.response().status() == 401) {
      throw new IllegalArgumentException("the server answers 401 to the token given; check --token");
    }
    if (first.response().status() == 404) {
      throw new IllegalArgumentException("the server answers 404 for pipeline " + options.pipelineId()
          + " with this token; check --pipeline-id");
    }
    String fixture = createFixture(Phase.EXAMPLES, gen.values().validBody(create));
    Set<String> probedPaths = new LinkedHashSet<>();
    for (Operation op : contract.operations()) {
      boolean fresh = op == delete;
      String id = fresh ? FRESH : fixture;
      runPhase(op, Phase.EXAMPLES, gen.examples(op, id));
      List<String> methods = new ArrayList<>();
      if (probedPaths.add(op.path())) {
        List<String> documented = contract.methodsOf(op.path());
        PROBED_METHODS.stream().filter(m -> !documented.contains(m)).forEach(methods::add);
        methods.add("OPTIONS");
      }
      runPhase(op, Phase.COVERAGE, gen.coverage(op, id, methods));
      runPhase(op, Phase.FUZZING, gen.fuzzing(op, fixture, fresh));
    }
    int sequences = Math.max(1, Math.min(5, options.maxExamples() / 20));
    for (int i = 0; i < sequences; i++) {
      statefulSequence(i);
    }
    progress.update(sequences + " stateful sequences", Phase.STATEFUL, recorder.totalRequests(), recorder.totalFailedExchanges());
    new Scenarios(this).runAll(fixture);
    progress.update("the contract's own rules", Phase.SEMANTIC, recorder.totalRequests(), recorder.totalFailedExchanges());
    List<TestCase> cleanup = new ArrayList<>();
    for (String id : new ArrayList<>(alive)) {
      cleanup.add(gen.requests().positive(delete, Phase.SEMANTIC, "clean-up", id, List.of(), null));
    }
    sendAll(cleanup);
    return recorder.result(options.seed());
  }

  /**
   * Sends a phase's cases on a few threads (they are independent of each other) and records the verdicts in case
   * order, so that reports do not depend on timing.
   */
  private void runPhase(Operation op, Phase phase, List<TestCase> cases) {
    List<TestCase> ready = new ArrayList<>(cases.size());
    for (TestCase c : cases) {
      if (c.request().path().contains(FRESH)) {
        String id = createFixture(phase, gen.values().validBody(create));
        c = new TestCase(c.operation(), c.phase(), c.kind(), c.description(), c.target(),
            c.request().withPath(c.request().path().replace(FRESH, PathTemplate.encodeSegment(id))));
      }
      ready.add(c);
    }
    sendAll(ready);
    progress.update(op.label(), phase, recorder.requestsFor(op), recorder.failedExchangesFor(op));
  }

  /** Sends independent cases on the pool; records their verdicts in case order. */
  private void sendAll(List<TestCase> ready) {
    List<Future<Judged>> futures = new ArrayList<>(ready.size());
    for (TestCase c : ready) {
      futures.add(pool.submit(() -> {
        Exchange e = new Exchange(c, transport.send(c.request()));
        return new Judged(e, recorder.judge(e));
      }));
    }
    for (Future<Judged> f : futures) {
      Judged j;
      try {
        j = f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
      track(j.exchange());
      recorder.apply(j.exchange(), j.results());
    }
  }

  private record Judged(Exchange exchange, List<CheckResult> results) {
  }

  // ------------------------------------------------------------------ sending

  Exchange send(TestCase c, Step step, Facts facts) {
    Response response = transport.send(c.request());
    Exchange exchange = new Exchange(c, response, step, facts);
    track(exchange);
    recorder.record(exchange);
    return exchange;
  }

  /** Remembers opportunities created and deleted, so that the run removes what it made. */
  private void track(Exchange e) {
    if (e.operation() == create && e.response().is2xx()) {
      String id = Json.text(Json.parse(e.response().body()), "id");
      if (id != null) {
        alive.add(id);
      }
    }
    if (e.operation() == delete && e.response().is2xx()) {
      alive.remove(delete.pathTemplate().read(e.request().path(), "opportunityId"));
    }
  }

  /** Creates an opportunity through the API; returns its id (or an unknown id when the server refused). */
  String createFixture(Phase phase, ObjectNode body) {
    Exchange e = send(new TestCase(create, phase, Kind.POSITIVE, "fixture", null,
        gen.requests().build(create, gen.requests().pathParams(create, null), List.of(), Json.write(body), options.token())),
        Step.FIXTURE, Facts.NONE);
    String id = Json.text(Json.parse(e.response().body()), "id");
    return id != null ? id : "unknown" + gen.identities().marker();
  }

  CaseGenerator gen() {
    return gen;
  }

  RunOptions options() {
    return options;
  }

  Operation list() {
    return list;
  }

  Operation create() {
    return create;
  }

  Operation get() {
    return get;
  }

  Operation update() {
    return update;
  }

  Operation status() {
    return status;
  }

  Operation delete() {
    return delete;
  }

  Contract contract() {
    return contract;
  }

  /** Waits past the current millisecond, so that a timestamp the server sets next can be seen to move. */
  static void tick() {
    try {
      Thread.sleep(3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ stateful

  /** create → get → list → update ×2 → status ×2 → delete → get/list/update/status/delete, following the links. */
  private void statefulSequence(int n) {
    ObjectNode body = gen.values().validBody(create);
    body.put("title", "Stateful " + n + " " + gen.identities().marker());
    body.put("status", "open");
    body.put("stageId", options.stageIds().get(0));
    body.remove("phone");
    body.put("email", gen.identities().email());
    body.put("name", "Stateful Contact");
    body.put("companyName", "Stateful Co");
    body.putArray("tags").add("stateful").add("seq-" + n);
    body.put("monetaryValue", 1000 + n);
    body.put("assignedTo", "user-" + n);
    body.put("source", "conformance");
    TestCase createCase = new TestCase(create, Phase.STATEFUL, Kind.POSITIVE, "stateful create", null,
        gen.requests().build(create, gen.requests().pathParams(create, null), List.of(), Json.write(body), options.token()));
    Exchange created = send(createCase, Step.CREATE, Facts.NONE);
    JsonNode createdBody = Json.parse(created.response().body());
    if (!created.response().is2xx() || Json.text(createdBody, "id") == null) {
      return;
    }
    String id = Json.text(createdBody, "id");
    Map<String, Link> links = create.links();
    Map<String, String> getParams = linkParams(links, get, created);
    if (getParams == null) {
      return;
    }
    Exchange read = send(new TestCase(get, Phase.STATEFUL, Kind.POSITIVE, "read after create (link)", null,
        gen.requests().build(get, getParams, List.of(), null, options.token())), Step.READ_AFTER_CREATE,
        new Facts.ReadAfterCreate(created));
    JsonNode current = Json.parse(read.response().body());
    listAll(Map.of("email", body.get("email").asText()), Phase.STATEFUL, Set.of(id), "email",
        List.of(body.get("email").asText()));

    Map<String, String> updParams = linkParams(links, update, created);
    if (updParams != null && current != null) {
      ObjectNode u1 = body.deepCopy();
      u1.put("stageId", gen.values().otherStage(body.get("stageId").asText()));
      u1.put("title", body.get("title").asText() + " v2");
      u1.remove(List.of("monetaryValue", "source"));
      current = updateStep(updParams, u1, current);
      ObjectNode u2 = u1.deepCopy();
      u2.put("status", "won");
      u2.putArray("tags").add("stateful-more");
      if (current != null) {
        current = updateStep(updParams, u2, current);
      }
    }
    Map<String, String> stParams = linkParams(links, status, created);
    if (stParams != null && current != null) {
      ObjectNode s1 = Json.object();
      s1.put("status", Json.text(current, "status"));
      s1.put("stageId", gen.values().otherStage(Json.text(current, "pipelineStageId")));
      current = statusStep(stParams, s1, current);
      if (current != null) {
        ObjectNode s2 = Json.object();
        s2.put("status", "lost");
        s2.put("stageId", Json.text(current, "pipelineStageId"));
        current = statusStep(stParams, s2, current);
      }
    }
    Map<String, String> delParams = linkParams(links, delete, created);
    if (delParams == null) {
      return;
    }
    tick();
    Exchange deleted = send(new TestCase(delete, Phase.STATEFUL, Kind.POSITIVE, "delete (link)", null,
        gen.requests().build(delete, delParams, List.of(), null, options.token())), Step.DELETE, Facts.NONE);
    if (!deleted.response().is2xx()) {
      return;
    }
    send(new TestCase(get, Phase.STATEFUL, Kind.SCENARIO, "read after delete", null,
        gen.requests().build(get, getParams, List.of(), null, options.token())), Step.AFTER_DELETE, Facts.NONE);
    send(new TestCase(list, Phase.STATEFUL, Kind.SCENARIO, "list after delete", null,
        gen.requests().build(list, gen.requests().pathParams(list, null),
            List.of(Map.entry("email", body.get("email").asText()), Map.entry("limit", "100")), null, options.token())),
        Step.LIST_AFTER_DELETE, new Facts.ListAfterDelete(id));
    if (updParams != null) {
      send(new TestCase(update, Phase.STATEFUL, Kind.SCENARIO, "update after delete", null,
          gen.requests().build(update, updParams, List.of(), Json.write(body), options.token())), Step.AFTER_DELETE,
          Facts.NONE);
    }
    if (stParams != null) {
      ObjectNode s = Json.object();
      s.put("status", "open");
      s.put("stageId", options.stageIds().get(0));
      send(new TestCase(status, Phase.STATEFUL, Kind.SCENARIO, "status change after delete", null,
          gen.requests().build(status, stParams, List.of(), Json.write(s), options.token())), Step.AFTER_DELETE,
          Facts.NONE);
    }
    send(new TestCase(delete, Phase.STATEFUL, Kind.SCENARIO, "delete again", null,
        gen.requests().build(delete, delParams, List.of(), null, options.token())), Step.AFTER_DELETE, Facts.NONE);
  }

  private JsonNode updateStep(Map<String, String> params, ObjectNode body, JsonNode before) {
    tick();
    Exchange u = send(new TestCase(update, Phase.STATEFUL, Kind.POSITIVE, "stateful update (link)", null,
        gen.requests().build(update, params, List.of(), Json.write(body), options.token())), Step.UPDATE,
        new Facts.Update(before));
    if (!u.response().is2xx()) {
      return null;
    }
    Exchange r = send(new TestCase(get, Phase.STATEFUL, Kind.POSITIVE, "read after update", null,
        gen.requests().build(get, params, List.of(), null, options.token())), Step.READ_AFTER_UPDATE,
        new Facts.ReadAfterUpdate(u));
    return Json.parse(r.response().body());
  }

  private JsonNode statusStep(Map<String, String> params, ObjectNode body, JsonNode before) {
    tick();
    Exchange s = send(new TestCase(status, Phase.STATEFUL, Kind.POSITIVE, "stateful status change (link)", null,
        gen.requests().build(status, params, List.of(), Json.write(body), options.token())), Step.STATUS_CHANGE,
        Facts.NONE);
    if (!s.response().is2xx()) {
      return null;
    }
    Exchange r = send(new TestCase(get, Phase.STATEFUL, Kind.POSITIVE, "read after status change", null,
        gen.requests().build(get, params, List.of(), null, options.token())), Step.READ_AFTER_STATUS_CHANGE,
        new Facts.ReadAfterStatusChange(s, before));
    return Json.parse(r.response().body());
  }

  /** Path parameters of the link to {@code target}, evaluated on the create exchange; null without such a link. */
  private Map<String, String> linkParams(Map<String, Link> links, Operation target, Exchange source) {
    for (Link link : links.values()) {
      if (!target.id().equals(link.getOperationId()) || link.getParameters() == null) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (Map.Entry<String, String> p : link.getParameters().entrySet()) {
        String value = evaluate(String.valueOf(p.getValue()), source);
        if (value == null) {
          return null;
        }
        params.put(p.getKey(), value);
      }
      return params;
    }
    return null;
  }

  private String evaluate(String expression, Exchange source) {
    if (expression.startsWith("$response.body#")) {
      JsonNode body = Json.parse(source.response().body());
      JsonNode v = body == null ? null : body.at(JsonPointer.compile(expression.substring("$response.body#".length())));
      return v == null || v.isMissingNode() || v.isNull() ? null : v.asText();
    }
    if (expression.startsWith("$request.path.")) {
      String name = expression.substring("$request.path.".length());
      return source.operation().pathTemplate().read(source.request().path(), name);
    }
    return expression;
  }

  // ------------------------------------------------------------------ listing helpers

  /**
   * Lists every page of a filtered query (limit 100); the last page's exchange carries the filter facts
   * ({@code param}, {@code values}, {@code items} of all pages, {@code mustInclude}) under {@code step}.
   */
  Exchange listAll(Map<String, Object> filter, Phase phase, Set<String> mustInclude, String param, List<String> values) {
    List<JsonNode> items = new ArrayList<>();
    Exchange last = null;
    for (int page = 1; page <= 30; page++) {
      List<Map.Entry<String, String>> query = new ArrayList<>();
      filter.forEach((k, v) -> {
        if (v instanceof List<?> l) {
          l.forEach(x -> query.add(Map.entry(k, String.valueOf(x))));
        } else {
          query.add(Map.entry(k, String.valueOf(v)));
        }
      });
      query.add(Map.entry("limit", "100"));
      query.add(Map.entry("page", Integer.toString(page)));
      TestCase c = new TestCase(list, phase, Kind.POSITIVE, "list " + filter + " page " + page, null,
          gen.requests().build(list, gen.requests().pathParams(list, null), query, null, options.token()));
      Response r = transport.send(c.request());
      JsonNode body = Json.parse(r.body());
      JsonNode opps = body == null ? null : body.get("opportunities");
      if (opps != null && opps.isArray()) {
        opps.forEach(items::add);
      }
      boolean more = r.status() == 200 && body != null && body.path("meta").path("nextPage").isInt()
          && opps != null && !opps.isEmpty();
      last = more ? new Exchange(c, r)
          : new Exchange(c, r, Step.FILTER, new Facts.Filter(param, values, items, mustInclude));
      recorder.record(last);
      if (!more) {
        break;
      }
    }
    return last;
  }

  Recorder recorder() {
    return recorder;
  }

  Transport transport() {
    return transport;
  }
}
