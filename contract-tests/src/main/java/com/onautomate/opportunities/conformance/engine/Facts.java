package com.onautomate.opportunities.conformance.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a sequence or scenario knows about an exchange that the exchange cannot tell: one record per {@link Step}.
 *
 * <p>JSON values are the bodies as parsed, null when a body was not JSON.
 */
public sealed interface Facts {
  /** The facts of a step that carries none. */
  Facts NONE = new None();

  /** No facts. */
  record None() implements Facts {
  }

  /** {@link Step#READ_AFTER_CREATE}: the create that the read follows. */
  record ReadAfterCreate(Exchange create) implements Facts {
  }

  /**
   * {@link Step#FILTER}: the filter sent and what it must return.
   *
   * @param param the query parameter filtered on
   * @param values its values (several for {@code tags})
   * @param items the opportunities listed on every page
   * @param mustInclude ids of opportunities that match the filter, so must be listed
   */
  record Filter(String param, List<String> values, List<JsonNode> items, Set<String> mustInclude) implements Facts {
    public Filter {
      values = List.copyOf(values);
      items = List.copyOf(items);
      mustInclude = Collections.unmodifiableSet(new LinkedHashSet<>(mustInclude)); // keeps the order for messages
    }
  }

  /** {@link Step#UPDATE}: the opportunity as read before the update. */
  record Update(JsonNode before) implements Facts {
  }

  /** {@link Step#READ_AFTER_UPDATE}: the update that the read follows. */
  record ReadAfterUpdate(Exchange update) implements Facts {
  }

  /** {@link Step#READ_AFTER_STATUS_CHANGE}: the status change that the read follows, and the opportunity before it. */
  record ReadAfterStatusChange(Exchange change, JsonNode before) implements Facts {
  }

  /** {@link Step#LIST_AFTER_DELETE}: the id of the opportunity deleted. */
  record ListAfterDelete(String deletedId) implements Facts {
  }

  /**
   * {@link Step#PAGE}: which page of a walk this is; the last page also carries the whole walk.
   *
   * @param walk every page of the walk on its last page, null on the others
   * @param nextPageUrlProblem why this page's {@code nextPageUrl} cannot be followed, or null when it can (or is null)
   */
  record Page(int page, int limit, Walk walk, String nextPageUrlProblem) implements Facts {

    /**
     * Every page of a walk, in order.
     *
     * @param expectedIds ids that must be on some page, or null when any set of ids will do
     */
    public record Walk(List<JsonNode> pages, Set<String> expectedIds) {
      public Walk {
        pages = List.copyOf(pages);
      }
    }
  }

  /**
   * {@link Step#NEXT_PAGE_URL}: what following a page's {@code nextPageUrl} listed, against what asking for the next
   * page by number listed.
   *
   * @param url the {@code nextPageUrl} as the server wrote it
   * @param page the page it should answer
   * @param listedIds the ids listed at the URL
   * @param expectedIds the ids that {@code page=N} listed, or null when that page could not be read
   */
  record NextPageUrl(String url, int page, int limit, String listedIds, String expectedIds) implements Facts {
  }

  /** {@link Step#DUPLICATE_COUNT}: how many opportunities the contact should have. */
  record DuplicateCount(long expectedTotal) implements Facts {
  }

  /**
   * {@link Step#SHARED_PHONE}: the contacts that share the phone sent.
   *
   * @param oldestContactId the contact created first with that phone, which the request must be given
   * @param newerContactId a contact created later with the same phone
   */
  record SharedPhone(String phone, String oldestContactId, String newerContactId) implements Facts {
  }

  /**
   * {@link Step#PRECEDENCE}: the statuses the contract's order of errors allows for a request with several faults.
   *
   * @param faults the faults, in words ("no credentials, a body that is not JSON")
   * @param allowed the statuses allowed (several where the contract leaves the order open)
   */
  record Precedence(String faults, Set<Integer> allowed) implements Facts {
    public Precedence {
      allowed = Collections.unmodifiableSet(new java.util.TreeSet<>(allowed));
    }
  }

  /** {@link Step#TENANT_READBACK}: the opportunity as read before the other location tried anything. */
  record TenantReadback(JsonNode before) implements Facts {
  }
}
