package com.onautomate.opportunities.client;

import static com.onautomate.opportunities.client.Fixtures.PIPELINE;
import static com.onautomate.opportunities.client.Fixtures.ids;
import static com.onautomate.opportunities.client.Fixtures.json;
import static com.onautomate.opportunities.client.Fixtures.pageJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onautomate.opportunities.client.model.Opportunity;
import com.onautomate.opportunities.client.model.OpportunityStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Auto-pagination: lazy, each page once, stops at the last page, and cannot be made to loop forever. */
@Timeout(20) // a broken bound fails here instead of hanging the build
class PaginationTest {
  private MockWebServer server;
  private OpportunitiesClient client;
  private final List<String> pagesAsked = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = Fixtures.startServer();
    client = Fixtures.clientOf(server).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  /** Serves page n (1-based) as the function says, recording the page parameter of each request. */
  private void serve(IntFunction<String> page) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String p = request.getRequestUrl().queryParameter("page");
        pagesAsked.add(p == null ? "(none)" : p);
        return json(200, page.apply(p == null ? 1 : Integer.parseInt(p)));
      }
    });
  }

  /** Five opportunities, two per page: pages 1, 2 and 3. */
  private static String fiveByTwo(int page) {
    int from = (page - 1) * 2;
    int count = Math.max(0, Math.min(2, 5 - from));
    return pageJson(ids("o", from, count), 5, page, page < 3 ? page + 1 : null);
  }

  @Test
  void walksEveryPageOnceInOrderAndStopsAtTheLast() {
    serve(PaginationTest::fiveByTwo);

    List<String> seen = new ArrayList<>();
    for (Opportunity o : client.listAllOpportunities(PIPELINE, OpportunityFilter.builder().limit(2).build())) {
      seen.add(o.getId());
    }

    assertThat(seen).containsExactly("o0", "o1", "o2", "o3", "o4");
    assertThat(pagesAsked).containsExactly("(none)", "2", "3");
  }

  @Test
  void everyPageKeepsTheFilterAndLimit() throws Exception {
    serve(PaginationTest::fiveByTwo);

    client.listAllOpportunities(PIPELINE, OpportunityFilter.builder().limit(2).status(OpportunityStatus.OPEN).tags("a", "b").build())
        .stream().count();

    for (int i = 0; i < 3; i++) {
      RecordedRequest request = server.takeRequest();
      assertThat(request.getRequestUrl().queryParameter("limit")).isEqualTo("2");
      assertThat(request.getRequestUrl().queryParameter("status")).isEqualTo("open");
      assertThat(request.getRequestUrl().queryParameterValues("tags")).containsExactly("a", "b");
      assertThat(request.getRequestUrl().host()).as("nextPageUrl is never followed").isNotEqualTo("elsewhere.example");
    }
  }

  @Test
  void fetchesLazily() {
    serve(PaginationTest::fiveByTwo);

    AutoPager all = client.listAllOpportunities(PIPELINE, OpportunityFilter.none());
    assertThat(pagesAsked).as("nothing sent before iterating").isEmpty();

    assertThat(all.stream().findFirst()).map(Opportunity::getId).contains("o0");
    assertThat(pagesAsked).containsExactly("(none)");

    assertThat(all.stream().limit(3).map(Opportunity::getId).collect(Collectors.toList())).containsExactly("o0", "o1", "o2");
    assertThat(pagesAsked).as("a new walk, which needed two pages").containsExactly("(none)", "(none)", "2");
  }

  @Test
  void autoPagerFromAPageDoesNotFetchThatPageAgain() {
    serve(PaginationTest::fiveByTwo);

    OpportunityPage first = client.listOpportunities(PIPELINE, OpportunityFilter.none());
    List<String> seen = first.autoPager().stream().map(Opportunity::getId).collect(Collectors.toList());

    assertThat(seen).containsExactly("o0", "o1", "o2", "o3", "o4");
    assertThat(pagesAsked).containsExactly("(none)", "2", "3");
  }

  @Test
  void startsFromTheFiltersPage() {
    serve(PaginationTest::fiveByTwo);

    List<String> seen = client.listAllOpportunities(PIPELINE, OpportunityFilter.builder().page(2).build())
        .stream().map(Opportunity::getId).collect(Collectors.toList());

    assertThat(seen).containsExactly("o2", "o3", "o4");
    assertThat(pagesAsked).containsExactly("2", "3");
  }

  @Test
  void nextPageWalksByHandAndFailsPastTheEnd() {
    serve(PaginationTest::fiveByTwo);

    OpportunityPage page = client.listOpportunities(PIPELINE, OpportunityFilter.none());
    assertThat(page.hasNextPage()).isTrue();
    page = page.nextPage();
    assertThat(page.meta().getCurrentPage()).isEqualTo(2);
    page = page.nextPage();
    assertThat(page.hasNextPage()).isFalse();
    OpportunityPage last = page;
    assertThatThrownBy(last::nextPage).isInstanceOf(NoSuchElementException.class);
    assertThat(pagesAsked).containsExactly("(none)", "2", "3");
  }

  @Test
  void anEmptyResultIsOneRequestAndNoOpportunity() {
    serve(page -> pageJson(List.of(), 0, page, null));

    assertThat(client.listAllOpportunities(PIPELINE, OpportunityFilter.none())).isEmpty();
    assertThat(pagesAsked).containsExactly("(none)");
  }

  @Test
  void stopsOnAnEmptyPageEvenWhenTheServerNamesANextPage() {
    serve(page -> page == 1 ? pageJson(ids("o", 0, 2), 99, 1, 2) : pageJson(List.of(), 99, page, page + 1));

    assertThat(client.listAllOpportunities(PIPELINE, OpportunityFilter.none())).hasSize(2);
    assertThat(pagesAsked).containsExactly("(none)", "2");
  }

  @Test
  void stopsWhenNextPageDoesNotAdvance() {
    serve(page -> pageJson(ids("o", 0, 2), 99, 1, 1));

    assertThat(client.listAllOpportunities(PIPELINE, OpportunityFilter.none())).hasSize(2);
    assertThat(pagesAsked).containsExactly("(none)");
  }

  @Test
  void stopsWhenTheServerRepeatsTheSamePage() {
    serve(page -> pageJson(ids("o", 0, 2), 1_000_000, page, page + 1));

    assertThat(client.listAllOpportunities(PIPELINE, OpportunityFilter.none())).hasSize(4);
    assertThat(pagesAsked).containsExactly("(none)", "2");
  }

  @Test
  void stopsWhenTheTotalIsReachedEvenIfTheServerNeverStopsAnsweringNextPage() {
    serve(page -> pageJson(ids("o", page * 10, 2), 5, page, page + 1));

    assertThat(client.listAllOpportunities(PIPELINE, OpportunityFilter.none())).hasSize(6);
    assertThat(pagesAsked).containsExactly("(none)", "2", "3");
  }

  @Test
  void aFailingPageIsThrownFromTheIteration() {
    server.enqueue(json(200, pageJson(ids("o", 0, 2), 5, 1, 2)));
    server.enqueue(json(500, "{\"msg\":\"boom\"}"));

    AutoPager all = client.listAllOpportunities(PIPELINE, OpportunityFilter.none());
    List<String> seen = new ArrayList<>();
    assertThatThrownBy(() -> all.forEach(o -> seen.add(o.getId())))
        .isInstanceOf(ServerException.class).hasMessageContaining("boom");
    assertThat(seen).containsExactly("o0", "o1");
  }
}
