package com.onautomate.opportunities.client;

import com.onautomate.opportunities.client.model.Opportunity;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Every opportunity matching a filter, across pages, fetched lazily.
 *
 * <pre>{@code
 * for (Opportunity o : client.listAllOpportunities(pipelineId, OpportunityFilter.none())) {
 *   System.out.println(o.getName());
 * }
 * double open = client.listAllOpportunities(pipelineId,
 *         OpportunityFilter.builder().status(OpportunityStatus.OPEN).limit(100).build())
 *     .stream()
 *     .mapToDouble(o -> o.getMonetaryValue() == null ? 0 : o.getMonetaryValue())
 *     .sum();
 * }</pre>
 *
 * <p>A page is fetched only when the opportunities before it have been consumed, so
 * {@code stream().findFirst()} fetches one page. Each {@link #iterator()} (and each
 * {@link #stream()}) is a new walk that fetches each page once; the walk stops at the last
 * page as described in {@link OpportunityPage}. A failing request is thrown from
 * {@code hasNext()}/{@code next()} as an {@link OpportunitiesException}.
 */
public final class AutoPager implements Iterable<Opportunity> {
  private final Supplier<OpportunityPage> firstPage;

  AutoPager(Supplier<OpportunityPage> firstPage) {
    this.firstPage = firstPage;
  }

  /**
   * A new walk over every page.
   *
   * @return an iterator that fetches pages as it goes
   */
  @Override
  public Iterator<Opportunity> iterator() {
    return new Walk();
  }

  /**
   * A new walk over every page, as a sequential, ordered stream.
   *
   * @return a lazy stream
   */
  public Stream<Opportunity> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private final class Walk implements Iterator<Opportunity> {
    private @Nullable OpportunityPage page;
    private Iterator<Opportunity> onPage = java.util.Collections.emptyIterator();

    @Override
    public boolean hasNext() {
      while (!onPage.hasNext()) {
        if (page == null) {
          page = firstPage.get();
        } else if (page.hasNextPage()) {
          page = page.nextPage();
        } else {
          return false;
        }
        onPage = page.opportunities().iterator();
      }
      return true;
    }

    @Override
    public Opportunity next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return onPage.next();
    }
  }
}
