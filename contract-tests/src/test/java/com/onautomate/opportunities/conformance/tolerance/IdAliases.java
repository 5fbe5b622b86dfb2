package com.onautomate.opportunities.conformance.tolerance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.http.PathTemplate;
import com.onautomate.opportunities.mockserver.DemoData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other id formats: every id the mock server answers (opportunities, contacts, pipelines, stages) is renamed, the
 * same way every time, and renamed back wherever a request carries it (path, query, body), so the suite sees a server
 * whose ids look otherwise. The pipeline and stages under test get names with {@code .}, {@code -} and {@code _}; the
 * suite is given those names.
 *
 * <p>Aliases never start with a letter or digit, so they cannot be mistaken for the generated text the suite sends.
 * They are given in the order ids are first seen and sort in that order, and creates go through one at a time, so
 * that opportunities created in the same millisecond keep the order of their ids (the list is ordered by
 * {@code createdAt}, then id): the mock server's ids sort in creation order.
 */
final class IdAliases extends Counted {
  /** A JSON string, escapes included, so that matching from the start of a body stays in step with its strings. */
  private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*+)\"");
  private static final Set<String> ID_KEYS = Set.of("id", "pipelineId", "pipelineStageId");
  private static final List<String> STAGES = List.of(DemoData.STAGE_NEW_ID, DemoData.STAGE_CONTACTED_ID,
      DemoData.STAGE_PROPOSAL_ID, DemoData.STAGE_CLOSED_ID);

  private final String name;
  private final IntFunction<String> alias;
  private final Map<String, String> toAlias = new ConcurrentHashMap<>();
  private final Map<String, String> toReal = new ConcurrentHashMap<>();
  private int next;

  /**
   * @param alias the n-th alias of an opportunity or contact id; a later one sorts after an earlier one
   */
  IdAliases(String name, IntFunction<String> alias) {
    this.name = name;
    this.alias = alias;
    forget();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  synchronized void forget() {
    toAlias.clear();
    toReal.clear();
    next = 0;
    register(DemoData.PIPELINE_ID, "_pipe.line-under_test.1");
    for (int i = 0; i < STAGES.size(); i++) {
      register(STAGES.get(i), "-stage_" + i + ".of-the.pipe_line");
    }
  }

  private void register(String real, String aliasOf) {
    toAlias.put(real, aliasOf);
    toReal.put(aliasOf, real);
  }

  private synchronized String aliasOf(String real) {
    String a = toAlias.get(real);
    if (a == null) {
      a = alias.apply(next++);
      register(real, a);
    }
    return a;
  }

  @Override
  public boolean oneAtATime(ProxyRequest request) {
    return request.method().equals("POST") && request.isCollection();
  }

  @Override
  public RunOptions options(RunOptions o) {
    return new RunOptions(o.baseUrl(), o.token(), o.otherToken(), toAlias.get(o.pipelineId()),
        o.stageIds().stream().map(toAlias::get).toList(), o.headers(), o.seed(), o.maxExamples());
  }

  @Override
  public ProxyRequest request(ProxyRequest r) {
    ProxyRequest out = r.withPath(mapPath(r.path(), toReal::get)).withQuery(mapQuery(r.rawQuery(), toReal::get));
    return r.body().length == 0 ? out : out.withBody(mapBody(r.body()));
  }

  /**
   * Every JSON string of the body that is an alias, named back; every other byte as sent (a body that is not UTF-8
   * must reach the server as it is). Aliases are ASCII and need no escaping, so a byte-for-byte reading finds them.
   */
  private byte[] mapBody(byte[] body) {
    String bytes = new String(body, StandardCharsets.ISO_8859_1);
    Matcher m = JSON_STRING.matcher(bytes);
    StringBuilder out = new StringBuilder(bytes.length());
    while (m.find()) {
      String real = toReal.get(m.group(1));
      if (real != null) {
        count();
      }
      m.appendReplacement(out, Matcher.quoteReplacement("\"" + (real == null ? m.group(1) : real) + "\""));
    }
    m.appendTail(out);
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public ProxyResponse response(ProxyRequest r, ProxyResponse res) {
    if (res.json() != null) {
      registerIds(res.json());
      mapStrings(res.json(), toAlias::get);
    }
    return res;
  }

  /** Gives an alias to every id the answer names. */
  private void registerIds(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.fields().forEachRemaining(f -> {
        if (ID_KEYS.contains(f.getKey()) && f.getValue().isTextual()) {
          aliasOf(f.getValue().asText());
        } else {
          registerIds(f.getValue());
        }
      });
    } else if (node instanceof ArrayNode a) {
      a.forEach(this::registerIds);
    }
  }

  /** Renames every string that is an id, and the ids in the path and query of every URL. */
  private void mapStrings(JsonNode node, UnaryOperator<String> rename) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getValue().isTextual()) {
          f.setValue(TextNode.valueOf(mapText(f.getValue().asText(), rename)));
        } else {
          mapStrings(f.getValue(), rename);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual()) {
          a.set(i, TextNode.valueOf(mapText(a.get(i).asText(), rename)));
        } else {
          mapStrings(a.get(i), rename);
        }
      }
    }
  }

  private String mapText(String text, UnaryOperator<String> rename) {
    String renamed = rename.apply(text);
    if (renamed != null) {
      count();
      return renamed;
    }
    if (text.startsWith("http://") || text.startsWith("https://")) {
      int q = text.indexOf('?');
      String path = q < 0 ? text : text.substring(0, q);
      return mapPath(path, rename) + (q < 0 ? "" : "?" + mapQuery(text.substring(q + 1), rename));
    }
    return text;
  }

  private String mapPath(String path, UnaryOperator<String> rename) {
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String renamed = segments[i].isEmpty() ? null : rename.apply(PathTemplate.decode(segments[i]));
      if (renamed != null) {
        segments[i] = PathTemplate.encodeSegment(renamed);
        count();
      }
    }
    return String.join("/", segments);
  }

  private String mapQuery(String query, UnaryOperator<String> rename) {
    if (query.isEmpty()) {
      return query;
    }
    List<String> pairs = new ArrayList<>();
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String renamed = eq < 0 ? null : rename.apply(PathTemplate.decode(pair.substring(eq + 1)));
      if (renamed != null) {
        pairs.add(pair.substring(0, eq + 1) + PathTemplate.encodeSegment(renamed));
        count();
      } else {
        pairs.add(pair);
      }
    }
    return String.join("&", pairs);
  }
}
