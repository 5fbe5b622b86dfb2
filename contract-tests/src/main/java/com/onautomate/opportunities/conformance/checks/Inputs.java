package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Part;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a check judges: the exchanges meant for it and the parts of a run that send them. The run sends only the parts
 * the selected checks need, and a check that judged none of the exchanges meant for it makes the run incomplete —
 * unless it is {@linkplain #incidental incidental}: it judges only what a server happens to send.
 *
 * <pre>{@code Inputs.of("pages of a walk", e -> e.step() == Step.PAGE, Part.PAGES)}</pre>
 *
 * @param description the exchanges in words, plural ("pages of a walk")
 * @param meantFor whether an exchange is one of them (decided on the request side: its kind, step and operation)
 * @param parts the parts of a run that send them
 * @param incidental why none may come from a correct server, or null when some must
 */
public record Inputs(String description, Predicate<Exchange> meantFor, Set<Part> parts, String incidental) {

  public Inputs {
    parts = Set.copyOf(parts);
  }

  /** Every exchange of the generated cases and the stateful sequences (the checks of any answer). */
  public static Inputs every(String description, Predicate<Exchange> meantFor) {
    return new Inputs(description, meantFor, EnumSet.of(Part.GENERATED, Part.STATEFUL), null);
  }

  /** The exchanges {@code meantFor} selects, sent by {@code first} and {@code more}. */
  public static Inputs of(String description, Predicate<Exchange> meantFor, Part first, Part... more) {
    return new Inputs(description, meantFor, EnumSet.of(first, more), null);
  }

  /** These inputs, of a check that judges only what happens to come: {@code whyNone} says why none may. */
  public Inputs incidental(String whyNone) {
    return new Inputs(description, meantFor, parts, whyNone);
  }

  public boolean isIncidental() {
    return incidental != null;
  }
}
