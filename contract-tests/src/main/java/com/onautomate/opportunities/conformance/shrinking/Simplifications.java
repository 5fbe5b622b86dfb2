package com.onautomate.opportunities.conformance.shrinking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.spec.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * One round of simplifications, each tried on the best case so far, in this order: drop optional body properties and
 * query parameters (all at once, then one by one), drop array items, shorten strings and make their characters plain,
 * move numbers toward 0, 1 or the schema's minimum. Only what the schema declares changes, within its bounds.
 */
final class Simplifications {
  /** Properties whose valid values come from the server's data (a configured stage, the contact), not their schema. */
  private static final Set<String> DOMAIN = Set.of("stageId", "contactId", "email", "phone");
  /** The properties that identify the contact, in the contract's order: a body that had one keeps one. */
  private static final List<String> IDENTIFIERS = List.of("contactId", "email", "phone");
  private static final char PLAIN = 'a';
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private final Search search;

  Simplifications(Search search) {
    this.search = search;
  }

  /** Tries every simplification once; true when the case got smaller. */
  boolean round() {
    boolean smaller = drop();
    smaller |= arrays();
    smaller |= texts();
    smaller |= numbers();
    return smaller;
  }

  private boolean drop() {
    Draft best = search.best();
    List<String> props = new ArrayList<>();
    if (best.body() != null) {
      List<String> required = required();
      for (String name : properties().keySet()) {
        if (best.body().has(name) && !required.contains(name) && !name.equals(target())) {
          props.add(name);
        }
      }
    }
    List<String> params = new ArrayList<>();
    for (Map.Entry<String, String> e : best.query()) {
      Parameter p = queryParameters().get(e.getKey());
      if (p != null && !Boolean.TRUE.equals(p.getRequired()) && !e.getKey().equals(target())
          && !params.contains(e.getKey())) {
        params.add(e.getKey());
      }
    }
    if (props.size() + params.size() > 1) {
      Draft all = best.copy();
      String keep = firstIdentifier(all.body());
      for (String name : props) {
        if (!name.equals(keep)) {
          all.body().remove(name);
        }
      }
      all.query().removeIf(e -> params.contains(e.getKey()));
      if (search.attempt(all)) {
        return true;
      }
    }
    boolean smaller = false;
    for (String name : props) {
      Draft d = search.best().copy();
      d.body().remove(name);
      if (firstIdentifier(search.best().body()) == null || firstIdentifier(d.body()) != null) {
        smaller |= search.attempt(d);
      }
    }
    for (String name : params) {
      Draft d = search.best().copy();
      d.query().removeIf(e -> e.getKey().equals(name));
      smaller |= search.attempt(d);
    }
    return smaller;
  }

  /** The first of contactId, email and phone the body gives (not null), when its schema declares them; else null. */
  private String firstIdentifier(ObjectNode body) {
    if (body == null) {
      return null;
    }
    return IDENTIFIERS.stream().filter(n -> properties().containsKey(n) && body.hasNonNull(n)).findFirst().orElse(null);
  }

  private boolean arrays() {
    boolean smaller = false;
    ObjectNode body = search.best().body();
    if (body != null) {
      for (Map.Entry<String, Schema> e : properties().entrySet()) {
        String name = e.getKey();
        if (name.equals(target()) || !body.path(name).isArray()) {
          continue;
        }
        int min = e.getValue().getMinItems() == null ? 0 : e.getValue().getMinItems();
        smaller |= removePieces(() -> search.best().body().get(name).size(), min, (from, n) -> {
          Draft d = search.best().copy();
          ArrayNode a = (ArrayNode) d.body().get(name);
          for (int i = 0; i < n; i++) {
            a.remove(from);
          }
          return d;
        });
      }
    }
    for (Parameter p : queryParameters().values()) {
      String name = p.getName();
      if (name.equals(target()) || !"array".equals(p.getSchema().getType())) {
        continue;
      }
      int min = p.getSchema().getMinItems() == null ? 0 : p.getSchema().getMinItems();
      smaller |= removePieces(() -> occurrences(search.best(), name).size(), Math.max(1, min), (from, n) -> {
        Draft d = search.best().copy();
        List<Integer> at = occurrences(d, name);
        for (int i = n - 1; i >= 0; i--) {
          d.query().remove((int) at.get(from + i));
        }
        return d;
      });
    }
    return smaller;
  }

  private static List<Integer> occurrences(Draft d, String name) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < d.query().size(); i++) {
      if (d.query().get(i).getKey().equals(name)) {
        at.add(i);
      }
    }
    return at;
  }

  /**
   * Removes pieces of a sequence, halves first, then quarters and so on down to single elements, keeping every removal
   * that still fails; never below {@code min} elements.
   */
  private boolean removePieces(IntSupplier length, int min, BiFunction<Integer, Integer, Draft> without) {
    boolean smaller = false;
    for (int k = Math.max(1, length.getAsInt() / 2); k >= 1 && !search.stopped(); k /= 2) {
      int p = 0;
      while (p + k <= length.getAsInt() && length.getAsInt() - k >= min && !search.stopped()) {
        if (search.attempt(without.apply(p, k))) {
          smaller = true;
        } else {
          p += k;
        }
      }
    }
    return smaller;
  }

  /** A string value the search may change: where it is, how to set it, its minLength. */
  private record TextSlot(Function<Draft, String> get, BiFunction<Draft, String, Draft> with, int min) {
  }

  private boolean texts() {
    boolean smaller = false;
    for (TextSlot slot : textSlots()) {
      smaller |= text(slot);
    }
    return smaller;
  }

  private List<TextSlot> textSlots() {
    List<TextSlot> slots = new ArrayList<>();
    Draft best = search.best();
    if (best.body() != null) {
      for (Map.Entry<String, Schema> e : properties().entrySet()) {
        String name = e.getKey();
        JsonNode value = best.body().get(name);
        if (value != null && value.isTextual() && plainText(name, e.getValue())) {
          slots.add(new TextSlot(d -> d.body().get(name).asText(), (d, v) -> {
            Draft c = d.copy();
            c.body().put(name, v);
            return c;
          }, minLength(e.getValue())));
        }
        if (value != null && value.isArray() && plainText(name, e.getValue().getItems())) {
          for (int i = 0; i < value.size(); i++) {
            int at = i;
            if (value.get(i).isTextual()) {
              slots.add(new TextSlot(d -> d.body().get(name).get(at).asText(), (d, v) -> {
                Draft c = d.copy();
                ((ArrayNode) c.body().get(name)).set(at, v);
                return c;
              }, minLength(e.getValue().getItems())));
            }
          }
        }
      }
    }
    for (int i = 0; i < best.query().size(); i++) {
      String name = best.query().get(i).getKey();
      Parameter p = queryParameters().get(name);
      Schema<?> s = p == null ? null : "array".equals(p.getSchema().getType()) ? p.getSchema().getItems() : p.getSchema();
      if (plainText(name, s)) {
        int at = i;
        slots.add(new TextSlot(d -> d.query().get(at).getValue(), (d, v) -> {
          Draft c = d.copy();
          c.query().set(at, Map.entry(name, v));
          return c;
        }, minLength(s)));
      }
    }
    return slots;
  }

  /** A string the schema constrains by length only (no enum, no format) and whose value is not the server's data. */
  private boolean plainText(String name, Schema<?> s) {
    return s != null && (s.getType() == null || "string".equals(s.getType())) && s.getEnum() == null
        && s.getFormat() == null && !DOMAIN.contains(name) && !name.equals(target());
  }

  private static int minLength(Schema<?> s) {
    return s.getMinLength() == null ? 0 : s.getMinLength();
  }

  /** The shortest plain string first; else shorter pieces, then plain characters. */
  private boolean text(TextSlot slot) {
    String simplest = String.valueOf(PLAIN).repeat(slot.min());
    if (slot.get().apply(search.best()).equals(simplest)) {
      return false;
    }
    if (search.attempt(slot.with().apply(search.best(), simplest))) {
      return true;
    }
    boolean smaller = removePieces(() -> codePoints(slot).length, slot.min(), (from, n) -> {
      int[] cps = codePoints(slot);
      return slot.with().apply(search.best(), new String(cps, 0, from) + new String(cps, from + n, cps.length - from - n));
    });
    int length = codePoints(slot).length;
    String allPlain = String.valueOf(PLAIN).repeat(length);
    if (!slot.get().apply(search.best()).equals(allPlain) && search.attempt(slot.with().apply(search.best(), allPlain))) {
      return true;
    }
    for (int i = 0; i < length; i++) {
      int[] cps = codePoints(slot);
      if (!isPlain(cps[i])) {
        cps[i] = PLAIN;
        smaller |= search.attempt(slot.with().apply(search.best(), new String(cps, 0, cps.length)));
      }
    }
    return smaller;
  }

  private int[] codePoints(TextSlot slot) {
    return slot.get().apply(search.best()).codePoints().toArray();
  }

  private static boolean isPlain(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** A number the search may change: where it is, how to set it, the schema's bounds (null when none). */
  private record NumberSlot(Function<Draft, BigDecimal> get, BiFunction<Draft, BigDecimal, Draft> with, BigDecimal min,
                            BigDecimal max) {
    boolean allows(BigDecimal v) {
      return (min == null || v.compareTo(min) >= 0) && (max == null || v.compareTo(max) <= 0);
    }
  }

  private boolean numbers() {
    boolean smaller = false;
    for (NumberSlot slot : numberSlots()) {
      smaller |= number(slot);
    }
    return smaller;
  }

  private List<NumberSlot> numberSlots() {
    List<NumberSlot> slots = new ArrayList<>();
    Draft best = search.best();
    if (best.body() != null) {
      for (Map.Entry<String, Schema> e : properties().entrySet()) {
        String name = e.getKey();
        JsonNode value = best.body().get(name);
        if (value != null && value.isNumber() && numeric(name, e.getValue())) {
          slots.add(new NumberSlot(d -> d.body().get(name).decimalValue(), (d, v) -> {
            Draft c = d.copy();
            if (integral(v)) {
              c.body().put(name, v.toBigInteger());
            } else {
              c.body().put(name, v);
            }
            return c;
          }, e.getValue().getMinimum(), e.getValue().getMaximum()));
        }
      }
    }
    for (int i = 0; i < best.query().size(); i++) {
      String name = best.query().get(i).getKey();
      Parameter p = queryParameters().get(name);
      if (p != null && numeric(name, p.getSchema()) && decimal(best.query().get(i).getValue()) != null) {
        int at = i;
        slots.add(new NumberSlot(d -> decimal(d.query().get(at).getValue()), (d, v) -> {
          Draft c = d.copy();
          c.query().set(at, Map.entry(name, integral(v) ? v.toBigInteger().toString() : v.toPlainString()));
          return c;
        }, p.getSchema().getMinimum(), p.getSchema().getMaximum()));
      }
    }
    return slots;
  }

  private boolean numeric(String name, Schema<?> s) {
    return ("number".equals(s.getType()) || "integer".equals(s.getType())) && !DOMAIN.contains(name)
        && !name.equals(target());
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean integral(BigDecimal v) {
    return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
  }

  /**
   * 0, 1 or the schema's minimum when one still fails; else the whole part, then the smallest whole number above the
   * lower bound that still fails (a binary search: a value still failing moves the upper end down).
   */
  private boolean number(NumberSlot slot) {
    BigDecimal v = slot.get().apply(search.best());
    List<BigDecimal> simple = new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ONE));
    if (slot.min() != null) {
      simple.add(slot.min());
    }
    for (BigDecimal s : simple) {
      if (s.compareTo(v) != 0 && slot.allows(s) && search.attempt(slot.with().apply(search.best(), s))) {
        return true;
      }
    }
    boolean smaller = false;
    if (!integral(v)) {
      BigDecimal whole = v.setScale(0, RoundingMode.FLOOR);
      if (!slot.allows(whole) || !search.attempt(slot.with().apply(search.best(), whole))) {
        return false;
      }
      v = whole;
      smaller = true;
    }
    BigDecimal low = slot.min() == null ? BigDecimal.ZERO : slot.min().setScale(0, RoundingMode.CEILING);
    BigDecimal high = v;
    while (high.subtract(low).compareTo(BigDecimal.ONE) > 0 && !search.stopped()) {
      BigDecimal mid = low.add(high).divide(TWO, 0, RoundingMode.FLOOR);
      if (search.attempt(slot.with().apply(search.best(), mid))) {
        high = mid;
        smaller = true;
      } else {
        low = mid;
      }
    }
    return smaller;
  }

  private Operation operation() {
    return search.best().origin().operation();
  }

  private String target() {
    return search.best().origin().target();
  }

  private Map<String, Schema> properties() {
    Schema<?> s = operation().bodySchema();
    return s == null || s.getProperties() == null ? Map.of() : s.getProperties();
  }

  private List<String> required() {
    Schema<?> s = operation().bodySchema();
    return s == null || s.getRequired() == null ? List.of() : s.getRequired();
  }

  private Map<String, Parameter> queryParameters() {
    Map<String, Parameter> out = new LinkedHashMap<>();
    operation().parameters("query").forEach(p -> out.put(p.getName(), p));
    return out;
  }
}
