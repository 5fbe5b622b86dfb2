package com.onautomate.opportunities.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.onautomate.opportunities.client.internal.OpportunitiesApi;
import com.onautomate.opportunities.client.model.Opportunity;
import com.onautomate.opportunities.client.model.OpportunityList;
import com.onautomate.opportunities.client.model.OpportunityRequest;
import com.onautomate.opportunities.client.model.OpportunityStatus;
import com.onautomate.opportunities.client.model.OpportunityStatusRequest;
import com.onautomate.opportunities.client.model.PageMeta;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The client of the OnAutomate Opportunities API v1.1.1: one method per operation of the
 * contract, each with a {@link CompletableFuture} variant.
 *
 * <pre>{@code
 * try (OpportunitiesClient client = OpportunitiesClient.builder()
 *     .token(System.getenv("ONAUTOMATE_TOKEN"))   // the location's API key
 *     .build()) {                                  // base URL: https://link.amtssl.com
 *   Opportunity created = client.createOpportunity("bCkKGpDsyPP4peuKowkG",
 *       OpportunityRequests.builder()
 *           .title("Solar roof").status(OpportunityStatus.OPEN)
 *           .stageId("7915dedc-8f18-44d5-8bc3-77c04e994a10")
 *           .email("elon@musk.com")
 *           .build());
 *   for (Opportunity o : client.listAllOpportunities("bCkKGpDsyPP4peuKowkG", OpportunityFilter.none())) {
 *     System.out.println(o.getName());
 *   }
 * } catch (ValidationException e) {
 *   System.out.println(e.fieldErrors());           // field -> (message, rule)
 * }
 * }</pre>
 *
 * <p><b>Errors.</b> Every method throws an unchecked {@link OpportunitiesException}: an
 * {@link OpportunitiesServiceException} subclass for an error status ({@link BadRequestException},
 * {@link UnauthorizedException}, {@link NotFoundException}, {@link ValidationException},
 * {@link RateLimitException}, {@link ServerException}, {@link UnexpectedStatusException}), or an
 * {@link OpportunitiesIoException} when the server could not be reached or read. A blank id or
 * a null argument is an {@link IllegalArgumentException} or {@link NullPointerException}, thrown
 * before anything is sent.
 *
 * <p><b>Retries.</b> 429 and 503 answers to GET, PUT and DELETE are retried as the
 * {@link RetryPolicy} says ({@link RetryPolicy#defaults()} unless set); create (POST) is never
 * retried.
 *
 * <p><b>Threads.</b> A client is thread-safe; build one and share it. The {@code …Async} methods
 * run the call on the builder's {@link Builder#executor executor}, and their futures complete
 * exceptionally with the same exceptions. {@link #close()} releases the connections and threads
 * the client created itself (not those of an {@link Builder#httpClient OkHttpClient} or executor
 * it was given).
 *
 * <p><b>Logging.</b> Requests are logged through {@link System.Logger} under this class's name:
 * method, path, status and time at DEBUG, retries at INFO. Headers, queries and bodies are
 * never logged, so neither is the token.
 */
public final class OpportunitiesClient implements AutoCloseable {
  /** The production server, the contract's first server. */
  public static final String PRODUCTION_URL = "https://link.amtssl.com";

  private final OpportunitiesApi api;
  private final CallRunner runner;
  private final Executor executor;
  private final String baseUrl;
  private final String userAgent;
  private final RetryPolicy retryPolicy;
  private final @Nullable OkHttpClient ownedHttpClient;
  private final @Nullable ExecutorService ownedExecutor;
  private final AtomicBoolean closed = new AtomicBoolean();

  private OpportunitiesClient(Builder builder, HttpUrl baseUrl, String token) {
    this.baseUrl = baseUrl.toString();
    this.userAgent = builder.userAgent != null ? builder.userAgent : defaultUserAgent();
    this.retryPolicy = builder.retryPolicy;

    OkHttpClient.Builder http = builder.httpClient != null ? builder.httpClient.newBuilder() : new OkHttpClient.Builder();
    if (builder.connectTimeout != null) {
      http.connectTimeout(builder.connectTimeout);
    }
    if (builder.readTimeout != null) {
      http.readTimeout(builder.readTimeout);
    }
    http.addInterceptor(new HeadersInterceptor(token, userAgent));
    OkHttpClient okHttp = http.build();
    this.ownedHttpClient = builder.httpClient == null ? okHttp : null;

    ObjectMapper json = objectMapper();
    this.api = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(okHttp)
        .addConverterFactory(JacksonConverterFactory.create(json))
        .validateEagerly(true)
        .build()
        .create(OpportunitiesApi.class);
    this.runner = new CallRunner(new ErrorMapper(json), retryPolicy, builder.sleeper, builder.random, closed::get);

    if (builder.executor != null) {
      this.executor = builder.executor;
      this.ownedExecutor = null;
    } else {
      ExecutorService pool = Executors.newCachedThreadPool(daemonThreads());
      this.executor = pool;
      this.ownedExecutor = pool;
    }
  }

  /**
   * A builder. Only the {@link Builder#token token} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---- createOpportunity -------------------------------------------------------------------

  /**
   * Creates an opportunity in a pipeline, for the contact found or created from the request's
   * {@code contactId}, else {@code email}, else {@code phone}. {@code POST
   * /v1/pipelines/{pipelineId}/opportunities}. Never retried.
   *
   * @param pipelineId the pipeline
   * @param request the opportunity, built with {@link OpportunityRequests#builder()}
   * @return the opportunity created (its title is in {@code name})
   * @throws ValidationException when a field breaks a rule (a stage not in the pipeline, no
   *     contact, …)
   * @throws BadRequestException when the contact already has an opportunity in a pipeline that
   *     does not allow duplicates
   * @throws NotFoundException when the pipeline does not exist in the token's location
   * @throws OpportunitiesException for any other failure
   */
  public Opportunity createOpportunity(String pipelineId, OpportunityRequest request) {
    requireId(pipelineId, "pipelineId");
    Objects.requireNonNull(request, "request == null");
    return runner.body(api.createOpportunity(pipelineId, request));
  }

  /**
   * {@link #createOpportunity} on the {@linkplain Builder#executor executor}.
   *
   * @param pipelineId the pipeline
   * @param request the opportunity
   * @return a future of the opportunity created
   */
  public CompletableFuture<Opportunity> createOpportunityAsync(String pipelineId, OpportunityRequest request) {
    requireId(pipelineId, "pipelineId");
    Objects.requireNonNull(request, "request == null");
    return async(() -> createOpportunity(pipelineId, request));
  }

  // ---- getOpportunity ----------------------------------------------------------------------

  /**
   * Reads an opportunity, with its contact. {@code GET
   * /v1/pipelines/{pipelineId}/opportunities/{opportunityId}}.
   *
   * @param pipelineId the pipeline
   * @param opportunityId the opportunity
   * @return the opportunity
   * @throws NotFoundException when it does not exist, was deleted, or belongs to another
   *     pipeline or location
   * @throws OpportunitiesException for any other failure
   */
  public Opportunity getOpportunity(String pipelineId, String opportunityId) {
    requireId(pipelineId, "pipelineId");
    requireId(opportunityId, "opportunityId");
    return runner.body(api.getOpportunity(pipelineId, opportunityId));
  }

  /**
   * {@link #getOpportunity} on the {@linkplain Builder#executor executor}.
   *
   * @param pipelineId the pipeline
   * @param opportunityId the opportunity
   * @return a future of the opportunity
   */
  public CompletableFuture<Opportunity> getOpportunityAsync(String pipelineId, String opportunityId) {
    requireId(pipelineId, "pipelineId");
    requireId(opportunityId, "opportunityId");
    return async(() -> getOpportunity(pipelineId, opportunityId));
  }

  // ---- listOpportunities -------------------------------------------------------------------

  /**
   * Lists one page of a pipeline's opportunities matching a filter, oldest first. {@code GET
   * /v1/pipelines/{pipelineId}/opportunities}.
   *
   * @param pipelineId the pipeline
   * @param filter filters, page and limit; {@link OpportunityFilter#none()} for page 1 of all
   * @return the page, with its {@code meta}; {@link OpportunityPage#autoPager()} walks on from it
   * @throws ValidationException when a filter or paging value is invalid (keyed by parameter)
   * @throws NotFoundException when the pipeline does not exist in the token's location
   * @throws OpportunitiesException for any other failure
   */
  public OpportunityPage listOpportunities(String pipelineId, OpportunityFilter filter) {
    requireId(pipelineId, "pipelineId");
    Objects.requireNonNull(filter, "filter == null");
    return fetchPage(pipelineId, filter);
  }

  /**
   * {@link #listOpportunities} on the {@linkplain Builder#executor executor}.
   *
   * @param pipelineId the pipeline
   * @param filter filters, page and limit
   * @return a future of the page
   */
  public CompletableFuture<OpportunityPage> listOpportunitiesAsync(String pipelineId, OpportunityFilter filter) {
    requireId(pipelineId, "pipelineId");
    Objects.requireNonNull(filter, "filter == null");
    return async(() -> listOpportunities(pipelineId, filter));
  }

  /**
   * Every opportunity of a pipeline matching a filter, from the filter's page (default 1) to the
   * last, fetching pages lazily as the iteration or stream goes. Nothing is sent until the
   * iteration starts.
   *
   * @param pipelineId the pipeline
   * @param filter filters, first page and page size ({@code limit(100)} means fewer requests)
   * @return an iterable and {@link AutoPager#stream() stream} over every match
   */
  public AutoPager listAllOpportunities(String pipelineId, OpportunityFilter filter) {
    requireId(pipelineId, "pipelineId");
    Objects.requireNonNull(filter, "filter == null");
    return new AutoPager(() -> fetchPage(pipelineId, filter));
  }

  private OpportunityPage fetchPage(String pipelineId, OpportunityFilter filter) {
    OpportunityList list = runner.body(api.listOpportunities(
        pipelineId,
        filter.page(),
        filter.limit(),
        filter.title(),
        filter.stageId(),
        filter.status(),
        filter.monetaryValue(),
        filter.assignedTo(),
        filter.contactId(),
        filter.email(),
        filter.name(),
        filter.phone(),
        filter.tags(),
        filter.companyName()));
    int page = filter.page() != null ? filter.page() : 1;
    List<Opportunity> opportunities = list.getOpportunities() != null ? list.getOpportunities() : List.of();
    PageMeta meta = list.getMeta() != null ? list.getMeta() : new PageMeta().currentPage(page);
    return new OpportunityPage(opportunities, meta, page, 0, Set.of(), next -> fetchPage(pipelineId, filter.withPage(next)));
  }

  // ---- updateOpportunity -------------------------------------------------------------------

  /**
   * Replaces an opportunity's fields; optional fields left unset ({@code assignedTo},
   * {@code monetaryValue}, {@code source}) keep their values. {@code PUT
   * /v1/pipelines/{pipelineId}/opportunities/{opportunityId}}. Start from
   * {@link OpportunityRequests#from(Opportunity)} to change a few fields.
   *
   * @param pipelineId the pipeline
   * @param opportunityId the opportunity
   * @param request the new values
   * @return the opportunity as updated
   * @throws ValidationException when a field breaks a rule
   * @throws BadRequestException when moving it to a contact that already has an opportunity in
   *     a pipeline that does not allow duplicates
   * @throws NotFoundException when the pipeline or the opportunity does not exist
   * @throws OpportunitiesException for any other failure
   */
  public Opportunity updateOpportunity(String pipelineId, String opportunityId, OpportunityRequest request) {
    requireId(pipelineId, "pipelineId");
    requireId(opportunityId, "opportunityId");
    Objects.requireNonNull(request, "request == null");
    return runner.body(api.updateOpportunity(pipelineId, opportunityId, request));
  }

  /**
   * {@link #updateOpportunity} on the {@linkplain Builder#executor executor}.
   *
   * @param pipelineId the pipeline
   * @param opportunityId the opportunity
   * @param request the new values
   * @return a future of the opportunity as updated
   */
  public CompletableFuture<Opportunity> updateOpportunityAsync(
      String pipelineId, String opportunityId, OpportunityRequest request) {
    requireId(pipelineId, "pipelineId");
    requireId(opportunityId, "opportunityId");
    Objects.requireNonNull(request, "request == null");
    return async(() -> updateOpportunity(pipelineId, opportunityId, request));
  }

  // ---- updateOpportunityStatus -------------------------------------------------------------

  /**
   * Sets an opportunity's status and stage. {@code PUT
   * /v1/pipelines/{pipelineId}/opportunities/{opportunityId}/status}. The server answers with
   * no body: {@linkplain #getOpportunity read} the opportunity to see the result.
   *
   * @param pipelineId the pipeline
   * @param opportunityId the opportunity
   * @param status the new status
   * @param stageId the new stage, a stage of the pipeline
   * @throws ValidationException when the stage is not in the pipeline
   * @throws NotFoundException when the pipeline or the opportunity does not exist
   * @throws OpportunitiesException for any other failure
   */
  public void updateOpportunityStatus(
      String pipelineId, String opportunityId, OpportunityStatus status, String stageId) {
    requireId(pipelineId, "pipelineId");
    requireId(opportunityId, "opportunityId");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(stageId, "stageId == null");
    runner.run(api.updateOpportunityStatus(
        pipelineId, opportunityId, new OpportunityStatusRequest().status(status).stageId(stageId)));
  }

  /**
   * {@link #updateOpportunityStatus} on the {@linkplain Builder#executor executor}.
   *
   * @param pipelineId the pipeline
   * @param opportunityId the opportunity
   * @param status the new status
   * @param stageId the new stage
   * @return a future completed when the server has answered 200
   */
  public CompletableFuture<Void> updateOpportunityStatusAsync(
      String pipelineId, String opportunityId, OpportunityStatus status, String stageId) {
    requireId(pipelineId, "pipelineId");
    requireId(opportunityId, "opportunityId");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(stageId, "stageId == null");
    return async(() -> {
      updateOpportunityStatus(pipelineId, opportunityId, status, stageId);
      return null;
    });
  }

  // ---- deleteOpportunity -------------------------------------------------------------------

  /**
   * Deletes an opportunity (its contact is kept). {@code DELETE
   * /v1/pipelines/{pipelineId}/opportunities/{opportunityId}}. Afterwards every operation
   * answers {@link NotFoundException} for it.
   *
   * @param pipelineId the pipeline
   * @param opportunityId the opportunity
   * @throws NotFoundException when it does not exist (or was already deleted)
   * @throws OpportunitiesException for any other failure
   */
  public void deleteOpportunity(String pipelineId, String opportunityId) {
    requireId(pipelineId, "pipelineId");
    requireId(opportunityId, "opportunityId");
    runner.run(api.deleteOpportunity(pipelineId, opportunityId));
  }

  /**
   * {@link #deleteOpportunity} on the {@linkplain Builder#executor executor}.
   *
   * @param pipelineId the pipeline
   * @param opportunityId the opportunity
   * @return a future completed when the server has answered 200
   */
  public CompletableFuture<Void> deleteOpportunityAsync(String pipelineId, String opportunityId) {
    requireId(pipelineId, "pipelineId");
    requireId(opportunityId, "opportunityId");
    return async(() -> {
      deleteOpportunity(pipelineId, opportunityId);
      return null;
    });
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  /**
   * Releases the connections and threads this client created. An {@link OkHttpClient} or
   * executor given to the builder is left running. Calling it again does nothing; any other
   * method then throws {@link IllegalStateException}.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
    if (ownedHttpClient != null) {
      ownedHttpClient.dispatcher().executorService().shutdown();
      ownedHttpClient.connectionPool().evictAll();
    }
  }

  /**
   * The base URL, user agent and retry policy; never the token.
   *
   * @return a description for logs and debuggers
   */
  @Override
  public String toString() {
    return "OpportunitiesClient{baseUrl=" + baseUrl + ", userAgent=" + userAgent + ", retryPolicy=" + retryPolicy
        + ", token=<redacted>}";
  }

  private <T> CompletableFuture<T> async(Supplier<T> call) {
    if (closed.get()) {
      throw new IllegalStateException("Client closed.");
    }
    return CompletableFuture.supplyAsync(call, executor);
  }

  private static void requireId(String id, String name) {
    Objects.requireNonNull(id, name + " == null");
    if (id.isBlank()) {
      throw new IllegalArgumentException(name + " is blank.");
    }
  }

  static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        // Registered after JavaTimeModule, so it wins for OffsetDateTime (and falls back to it).
        .registerModule(new SimpleModule().addDeserializer(OffsetDateTime.class, new ContractDateTimeDeserializer()))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        // Unset optional fields are left out, not sent as null: an update then keeps their values.
        .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
  }

  static String defaultUserAgent() {
    String version = "unknown";
    try (InputStream in = OpportunitiesClient.class.getResourceAsStream("client.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        version = properties.getProperty("version", version);
      }
    } catch (IOException e) {
      // keep "unknown"
    }
    return "onautomate-opportunities-java/" + version + " Java/" + System.getProperty("java.version");
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "opportunities-client-async-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Builds an {@link OpportunitiesClient}.
   *
   * <pre>{@code
   * OpportunitiesClient client = OpportunitiesClient.builder()
   *     .baseUrl("http://127.0.0.1:8080")          // the mock server; default production
   *     .token("demo-token")
   *     .readTimeout(Duration.ofSeconds(10))
   *     .retryPolicy(RetryPolicy.builder().maxRetries(5).build())
   *     .build();
   * }</pre>
   *
   * <p>Not thread-safe; {@link #toString()} never shows the token.
   */
  public static final class Builder {
    private HttpUrl baseUrl = Objects.requireNonNull(HttpUrl.parse(PRODUCTION_URL + "/"));
    private @Nullable String token;
    private @Nullable Duration connectTimeout;
    private @Nullable Duration readTimeout;
    private @Nullable OkHttpClient httpClient;
    private @Nullable String userAgent;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private @Nullable Executor executor;
    private Sleeper sleeper = Sleeper.REAL;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * The server (default {@value OpportunitiesClient#PRODUCTION_URL}). A path is kept as a
     * prefix: {@code https://proxy.example/onautomate} sends to
     * {@code https://proxy.example/onautomate/v1/…}.
     *
     * @param baseUrl an http or https URL
     * @return this builder
     * @throws IllegalArgumentException when it is not an http or https URL
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      HttpUrl parsed = HttpUrl.parse(baseUrl);
      if (parsed == null) {
        throw new IllegalArgumentException("Base URL must be an http or https URL: " + baseUrl);
      }
      if (!parsed.encodedPath().endsWith("/")) {
        parsed = parsed.newBuilder().addPathSegment("").build();
      }
      this.baseUrl = parsed.newBuilder().query(null).fragment(null).build();
      return this;
    }

    /**
     * The server (default {@value OpportunitiesClient#PRODUCTION_URL}).
     *
     * @param baseUrl an http or https URI
     * @return this builder
     * @throws IllegalArgumentException when it is not an http or https URL
     */
    public Builder baseUrl(URI baseUrl) {
      return baseUrl(Objects.requireNonNull(baseUrl, "baseUrl == null").toString());
    }

    /**
     * The location's API key, sent as {@code Authorization: Bearer <token>}. Required. It is
     * never logged and never shown by {@code toString()}.
     *
     * @param token the API key
     * @return this builder
     * @throws IllegalArgumentException when it is blank or holds characters a header cannot
     */
    public Builder token(String token) {
      Objects.requireNonNull(token, "token == null");
      if (token.isBlank()) {
        throw new IllegalArgumentException("Token is blank.");
      }
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (c <= ' ' || c >= 0x7f) { // the message must not echo the token
          throw new IllegalArgumentException("Token holds a character not allowed in a header (at index " + i + ").");
        }
      }
      this.token = token;
      return this;
    }

    /**
     * How long to wait for a connection (default: OkHttp's 10 s, or the shared client's).
     *
     * @param timeout a positive duration, or zero for none
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = notNegative(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long to wait for each read of the answer (default: OkHttp's 10 s, or the shared
     * client's).
     *
     * @param timeout a positive duration, or zero for none
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = notNegative(timeout, "readTimeout");
      return this;
    }

    /**
     * An OkHttp client to share connection pool, dispatcher, proxy and interceptors with. The
     * client derives its own from it (adding its headers, and the timeouts when set), so the
     * given one is not changed, and {@link #close()} leaves it running. Its application
     * interceptors run before the {@code Authorization} header is added; a <em>network</em>
     * interceptor that logs headers (OkHttp's {@code HttpLoggingInterceptor}) would see the
     * token: call its {@code redactHeader("Authorization")}.
     *
     * @param httpClient the client to share
     * @return this builder
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    /**
     * The {@code User-Agent} header (default {@code onautomate-opportunities-java/<version>
     * Java/<java version>}). Put your application's name in it.
     *
     * @param userAgent a non-blank header value
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent == null");
      if (userAgent.isBlank()) {
        throw new IllegalArgumentException("User agent is blank.");
      }
      this.userAgent = userAgent;
      return this;
    }

    /**
     * When to retry ({@link RetryPolicy#defaults()} unless set; {@link RetryPolicy#none()} to
     * never retry).
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Where the {@code …Async} methods run their calls (default: a pool of daemon threads
     * owned by the client and stopped by {@link #close()}).
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /** Tests: record the waits between retries instead of sleeping. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Tests: a fixed jitter. */
    Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    /**
     * The client.
     *
     * @return a new client; {@link OpportunitiesClient#close() close} it when done
     * @throws IllegalStateException when the token was not set
     */
    public OpportunitiesClient build() {
      if (token == null) {
        throw new IllegalStateException("Token required: call token(...) with the location's API key.");
      }
      return new OpportunitiesClient(this, baseUrl, token);
    }

    /**
     * The settings; never the token.
     *
     * @return a description for logs and debuggers
     */
    @Override
    public String toString() {
      return "OpportunitiesClient.Builder{baseUrl=" + baseUrl + ", token=" + (token == null ? "<unset>" : "<redacted>")
          + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", userAgent=" + userAgent
          + ", retryPolicy=" + retryPolicy + '}';
    }

    private static Duration notNegative(Duration value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " is negative: " + value);
      }
      return value;
    }
  }
}
