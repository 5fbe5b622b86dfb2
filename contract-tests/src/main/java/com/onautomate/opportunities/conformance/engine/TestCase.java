package com.onautomate.opportunities.conformance.engine;

import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.spec.Operation;

/**
 * One generated case: the operation, why it was made, and the request to send.
 *
 * @param description what makes it special, e.g. "title: 256 characters (maxLength 255)"
 * @param target the body property or parameter a negative case breaks, or null
 */
public record TestCase(Operation operation, Phase phase, Kind kind, String description, String target,
                       Request request) {
}
