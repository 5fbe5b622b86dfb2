package com.onautomate.opportunities.conformance.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The terminal report: the summary table (check × operation: passed/failed/skipped, requests sent), every distinct
 * failure with {@code Received / Documented} and a curl line, and documented statuses never observed.
 */
public final class TextReport {
  private static final int MAX_SHOWN_PER_CHECK_AND_OPERATION = 5;

  private TextReport() {
  }

  public static String render(RunResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Summary: passed / failed / skipped per check and operation (seed ").append(r.seed()).append(")\n\n");
    table(sb, r);
    sb.append('\n');
    failures(sb, r);
    never(sb, r);
    sb.append(r.passed()
        ? "Result: PASSED, 0 failures, " + r.totalRequests() + " requests sent\n"
        : "Result: FAILED, " + r.failures().size() + " distinct failure" + (r.failures().size() == 1 ? "" : "s")
            + " in " + r.failedExchanges() + " exchange" + (r.failedExchanges() == 1 ? "" : "s") + ", "
            + r.totalRequests() + " requests sent\n");
    return sb.toString();
  }

  private static void table(StringBuilder sb, RunResult r) {
    List<String> header = new ArrayList<>();
    header.add("check");
    header.addAll(r.operationIds());
    List<List<String>> rows = new ArrayList<>();
    for (String check : r.checks()) {
      List<String> row = new ArrayList<>();
      row.add(check);
      for (String op : r.operations()) {
        Tally t = r.tally(check, op);
        row.add(t.passed() + "/" + t.failed() + "/" + t.skipped());
      }
      rows.add(row);
    }
    List<String> requests = new ArrayList<>();
    requests.add("requests sent");
    for (String op : r.operations()) {
      requests.add(Long.toString(r.requests().getOrDefault(op, 0L)));
    }
    int[] width = new int[header.size()];
    for (List<String> row : concat(header, rows, requests)) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    line(sb, header, width);
    for (List<String> row : rows) {
      line(sb, row, width);
    }
    line(sb, requests, width);
  }

  private static List<List<String>> concat(List<String> header, List<List<String>> rows, List<String> last) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    all.add(last);
    return all;
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (i == 0) {
        l.append(c).append(" ".repeat(width[i] - c.length()));
      } else {
        l.append("  ").append(" ".repeat(width[i] - c.length())).append(c);
      }
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }

  private static void failures(StringBuilder sb, RunResult r) {
    if (r.failures().isEmpty()) {
      return;
    }
    sb.append("Failures (").append(r.failures().size()).append(" distinct)\n\n");
    Map<String, Integer> shown = new java.util.HashMap<>();
    Map<String, Integer> hidden = new java.util.LinkedHashMap<>();
    int n = 0;
    for (Failure f : r.failures()) {
      String key = f.check() + " on " + f.operation();
      int count = shown.merge(key, 1, Integer::sum);
      if (count > MAX_SHOWN_PER_CHECK_AND_OPERATION) {
        hidden.merge(key, 1, Integer::sum);
        continue;
      }
      n++;
      sb.append(n).append(". ").append(f.check()).append(": ").append(f.title()).append('\n');
      sb.append("   Operation: ").append(f.operation()).append('\n');
      sb.append("   Received: ").append(f.received()).append('\n');
      sb.append("   Documented: ").append(f.documented()).append('\n');
      if (f.occurrences() > 1) {
        sb.append("   Seen ").append(f.occurrences()).append(" times\n");
      }
      sb.append("   Reproduce with:\n     ").append(f.curl()).append("\n\n");
    }
    for (Map.Entry<String, Integer> h : hidden.entrySet()) {
      sb.append("… and ").append(h.getValue()).append(" more distinct failures of ").append(h.getKey())
          .append(" (all in the JUnit XML report)\n");
    }
    if (!hidden.isEmpty()) {
      sb.append('\n');
    }
  }

  private static void never(StringBuilder sb, RunResult r) {
    boolean any = r.neverObserved().values().stream().anyMatch(l -> !l.isEmpty());
    if (!any) {
      sb.append("Every documented status code was observed.\n\n");
      return;
    }
    sb.append("Documented status codes never observed (coverage gaps)\n");
    for (String op : r.operations()) {
      List<String> missing = r.neverObserved().getOrDefault(op, List.of());
      if (!missing.isEmpty()) {
        sb.append("  ").append(op).append(": ").append(String.join(", ", missing)).append('\n');
      }
    }
    sb.append('\n');
  }
}
