package com.onautomate.opportunities.conformance.tolerance;

import com.onautomate.opportunities.conformance.ContractDecision;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import java.util.Set;

/**
 * One way of answering that the contract allows and the bundled mock server does not take, applied by the
 * {@link TolerantProxy}: it may answer by itself, change the request on its way in (ids mapped back), change the
 * response on its way out, and choose how the JSON and the HTTP message are written.
 *
 * <p>Every variation counts what it changed ({@link #applied()}), so that one that silently does nothing fails its
 * test instead of passing it.
 */
interface Variation {

  /** What the variation does, for the test's name. */
  String name();

  /** The contract decisions whose allowed range this variation exercises. */
  default Set<ContractDecision> decisions() {
    return Set.of();
  }

  /** A path prefix the API is served under ({@code /crm}), or empty. */
  default String prefix() {
    return "";
  }

  /** The run's options for this variation (ids the variation renamed). */
  default RunOptions options(RunOptions options) {
    return options;
  }

  /** Answers instead of the server, or null to forward. */
  default ProxyResponse answer(ProxyRequest request) {
    return null;
  }

  /**
   * Whether this request is forwarded and answered while no other such request is (the variation learns from its
   * answer something that must follow the server's order, as ids of creates).
   */
  default boolean oneAtATime(ProxyRequest request) {
    return false;
  }

  /** The request as forwarded. */
  default ProxyRequest request(ProxyRequest request) {
    return request;
  }

  /** The response as answered; {@code request} is the request as forwarded. */
  default ProxyResponse response(ProxyRequest request, ProxyResponse response) {
    return response;
  }

  /** How JSON bodies are written. */
  default JsonStyle style() {
    return JsonStyle.COMPACT;
  }

  /** How HTTP messages are written. */
  default WireFormat wire() {
    return WireFormat.PLAIN;
  }

  /** Counts one change this variation made (the proxy counts the ways of writing). */
  void count();

  /** How many times the variation changed something since {@link #reset()}. */
  int applied();

  /** Forgets what an earlier run taught it, and its count. */
  void reset();
}
