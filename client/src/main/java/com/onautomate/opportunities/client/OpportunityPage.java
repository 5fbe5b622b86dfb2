package com.onautomate.opportunities.client;

import com.onautomate.opportunities.client.model.Opportunity;
import com.onautomate.opportunities.client.model.PageMeta;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@link OpportunitiesClient#listOpportunities list}, with its paging state.
 *
 * <pre>{@code
 * OpportunityPage page = client.listOpportunities(pipelineId, OpportunityFilter.none());
 * long total = page.meta().getTotal();
 * while (page.hasNextPage()) {
 *   page = page.nextPage();
 * }
 * // or simply: for (Opportunity o : page.autoPager()) { ... }
 * }</pre>
 *
 * <p>{@link #hasNextPage()} trusts the server's {@code meta.nextPage} only while the walk makes
 * progress: it is false on an empty page, when {@code nextPage} does not advance past this
 * page, when the pages walked so far already hold {@code meta.total} opportunities, and when
 * this page repeats the previous one. A server that keeps answering {@code nextPage} therefore
 * cannot make a walk loop forever. The next page is asked for by number, with the same filter;
 * the server's {@code nextPageUrl} is never followed, so the token is never sent to a host it
 * names.
 */
public final class OpportunityPage {
  private final List<Opportunity> opportunities;
  private final PageMeta meta;
  private final int requestedPage;
  private final long seenBefore;
  private final Set<String> previousIds;
  private final Function<Integer, OpportunityPage> fetch;

  /**
   * @param fetch fetches another page of the same filter by number; given this page's walk state by {@link #nextPage()}
   */
  OpportunityPage(
      List<Opportunity> opportunities,
      PageMeta meta,
      int requestedPage,
      long seenBefore,
      Set<String> previousIds,
      Function<Integer, OpportunityPage> fetch) {
    this.opportunities = List.copyOf(opportunities);
    this.meta = meta;
    this.requestedPage = requestedPage;
    this.seenBefore = seenBefore;
    this.previousIds = previousIds;
    this.fetch = fetch;
  }

  /**
   * The opportunities on this page, oldest first.
   *
   * @return an unmodifiable list, empty on an empty or past-the-end page
   */
  public List<Opportunity> opportunities() {
    return opportunities;
  }

  /**
   * The paging state as the server sent it: {@code total}, {@code currentPage},
   * {@code nextPage}, {@code prevPage}, {@code nextPageUrl}.
   *
   * @return the meta
   */
  public PageMeta meta() {
    return meta;
  }

  /**
   * Whether a next page should be fetched (see the class description for when the server's
   * {@code nextPage} is not trusted).
   *
   * @return true when {@link #nextPage()} will fetch a page
   */
  public boolean hasNextPage() {
    return nextPageNumber() != null;
  }

  /**
   * Fetches the next page, with the same filter and limit.
   *
   * @return the next page
   * @throws NoSuchElementException when {@link #hasNextPage()} is false
   * @throws OpportunitiesException when the request fails
   */
  public OpportunityPage nextPage() {
    Integer next = nextPageNumber();
    if (next == null) {
      throw new NoSuchElementException("This is the last page (" + requestedPage + ").");
    }
    OpportunityPage page = fetch.apply(next);
    Set<String> ids = ids();
    return new OpportunityPage(page.opportunities, page.meta, next, seenBefore + opportunities.size(), ids, fetch);
  }

  /**
   * Every opportunity from this page on, fetching the following pages lazily, each once per
   * walk.
   *
   * @return an iterable (and {@link AutoPager#stream() stream}) over this and the following pages
   */
  public AutoPager autoPager() {
    return new AutoPager(() -> this);
  }

  private @Nullable Integer nextPageNumber() {
    Integer next = meta.getNextPage();
    if (next == null || opportunities.isEmpty()) {
      return null;
    }
    Integer current = meta.getCurrentPage();
    if (next <= requestedPage || (current != null && next <= current)) {
      return null; // does not advance
    }
    Long total = meta.getTotal();
    if (total != null && seenBefore + opportunities.size() >= total) {
      return null; // every match has been seen
    }
    if (!previousIds.isEmpty() && previousIds.containsAll(ids())) {
      return null; // the server answered the same page again
    }
    return next;
  }

  private Set<String> ids() {
    Set<String> ids = new HashSet<>();
    for (Opportunity opportunity : opportunities) {
      ids.add(String.valueOf(opportunity.getId()));
    }
    return ids;
  }

  @Override
  public String toString() {
    return "OpportunityPage{page=" + requestedPage + ", size=" + opportunities.size() + ", total=" + meta.getTotal()
        + ", nextPage=" + meta.getNextPage() + '}';
  }
}
