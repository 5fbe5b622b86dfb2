package com.onautomate.opportunities.conformance.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The terminal report: the summary table (check × operation: passed/failed/skipped, requests sent), how many
 * exchanges each check judged (and why none when none), every kind of failure with {@code Received / Documented},
 * a count and the curl line of its smallest example (a generated case shrunk to a minimal one, and what it was shrunk
 * from), what was not sent, operations without a 2xx answer, documented statuses never observed, the waits on 429,
 * and the result.
 */
public final class TextReport {
  private TextReport() {
  }

  public static String render(RunResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Summary: passed / failed / skipped per check and operation (seed ").append(r.seed()).append(")\n\n");
    table(sb, r);
    sb.append('\n');
    coverage(sb, r);
    failures(sb, r);
    lines(sb, "Not sent, or stopped early", r.notSent());
    lines(sb, "Operations without a 2xx answer (untested)", r.untested());
    never(sb, r);
    waits(sb, r.waits());
    sb.append(result(r)).append('\n');
    return sb.toString();
  }

  /** The last line: the outcome and what it rests on. */
  static String result(RunResult r) {
    String requests = r.totalRequests() + " requests sent";
    List<String> gaps = new ArrayList<>();
    int never = r.neverApplied().size();
    if (never > 0) {
      gaps.add(never + (never == 1 ? " check" : " checks") + " never applied");
    }
    if (!r.untested().isEmpty()) {
      gaps.add(r.untested().size() + (r.untested().size() == 1 ? " operation" : " operations")
          + " without a 2xx answer");
    }
    return switch (r.outcome()) {
      case PASSED -> "Result: PASSED, 0 failures, " + requests;
      case INCOMPLETE -> "Result: INCOMPLETE, 0 failures but " + String.join(" and ", gaps) + ", " + requests;
      case FAILED -> "Result: FAILED, " + r.failures().size() + (r.failures().size() == 1 ? " failure" : " failures")
          + " in " + r.failedExchanges() + (r.failedExchanges() == 1 ? " exchange" : " exchanges") + ", " + requests
          + (gaps.isEmpty() ? "" : "; also " + String.join(" and ", gaps));
    };
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
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    all.add(requests);
    int[] width = new int[header.size()];
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    for (List<String> row : all) {
      line(sb, row, width);
    }
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

  /** Per check: exchanges judged, and why none when none. */
  private static void coverage(StringBuilder sb, RunResult r) {
    if (r.coverage().isEmpty()) {
      return;
    }
    sb.append("Exchanges judged per check\n");
    int name = r.coverage().stream().mapToInt(c -> c.check().length()).max().orElse(0);
    int count = r.coverage().stream().mapToInt(c -> Long.toString(c.judged()).length()).max().orElse(0);
    for (Coverage c : r.coverage()) {
      String judged = Long.toString(c.judged());
      StringBuilder l = new StringBuilder("  ").append(c.check()).append(" ".repeat(name - c.check().length()))
          .append("  ").append(" ".repeat(count - judged.length())).append(judged);
      switch (c.status()) {
        case NOT_APPLIED -> l.append("  not applied: ").append(c.reason());
        case NEVER_APPLIED -> l.append("  NEVER APPLIED: ").append(c.reason());
        default -> { }
      }
      sb.append(l).append('\n');
    }
    sb.append('\n');
  }

  private static void failures(StringBuilder sb, RunResult r) {
    if (r.failures().isEmpty()) {
      return;
    }
    sb.append("Failures (").append(r.failures().size()).append(r.failures().size() == 1 ? " kind" : " kinds")
        .append(", grouped by check, operation and kind; the smallest example of each)\n\n");
    int n = 0;
    for (Failure f : r.failures()) {
      n++;
      sb.append(n).append(". ").append(f.check()).append(": ").append(f.title()).append('\n');
      sb.append("   Operation: ").append(f.operation()).append('\n');
      sb.append("   Received: ").append(f.received()).append('\n');
      sb.append("   Documented: ").append(f.documented()).append('\n');
      if (f.occurrences() > 1) {
        sb.append("   Seen ").append(f.occurrences()).append(" times\n");
      }
      boolean minimal = f.shrinking() != null && f.shrinking().changed();
      sb.append(minimal ? "   Reproduce with (the minimal case):\n     " : "   Reproduce with:\n     ").append(f.curl())
          .append('\n');
      if (f.shrinking() != null) {
        sb.append("   ").append(f.shrinking().summary()).append('\n');
      }
      sb.append('\n');
    }
    if (r.shrinkRequests() > 0) {
      sb.append("Shrinking sent ").append(r.shrinkRequests()).append(r.shrinkRequests() == 1 ? " request" : " requests")
          .append(" to find the minimal cases, deletes of what they created included (counted in no tally above).\n\n");
    }
  }

  private static void lines(StringBuilder sb, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    sb.append(title).append('\n');
    for (String l : lines) {
      sb.append("  ").append(l).append('\n');
    }
    sb.append('\n');
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

  private static void waits(StringBuilder sb, Waits w) {
    if (w.waits() == 0 && w.gaveUp() == 0) {
      return;
    }
    sb.append(String.format(Locale.ROOT, "Rate limit: waited %d %s as Retry-After asked (%.1f s in all)", w.waits(),
        w.waits() == 1 ? "time" : "times", w.seconds()));
    if (w.gaveUp() > 0) {
      sb.append("; ").append(w.gaveUp()).append(w.gaveUp() == 1 ? " request was" : " requests were")
          .append(" still answered 429 (retries used up, or no readable Retry-After)");
    }
    sb.append("\n\n");
  }
}
