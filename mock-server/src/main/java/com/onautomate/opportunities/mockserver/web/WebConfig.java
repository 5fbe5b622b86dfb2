package com.onautomate.opportunities.mockserver.web;

import com.onautomate.opportunities.mockserver.errors.ErrorBodies;
import com.onautomate.opportunities.mockserver.errors.JsonErrorReportValve;
import com.onautomate.opportunities.mockserver.system.MockServerProperties;
import com.onautomate.opportunities.mockserver.tenancy.Locations;
import com.onautomate.opportunities.server.model.OpportunityStatus;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcProperties;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.filter.RequestContextFilter;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.JsonViewRequestBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.JsonViewResponseBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** The web plumbing wired up: the filters in {@link FilterOrder}, the body readers, JSON whatever is accepted. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

  private final List<RequestBodyReader> bodyReaders;

  WebConfig(List<RequestBodyReader> bodyReaders) {
    this.bodyReaders = bodyReaders;
  }

  /** Bodies read without a waiting thread, within the body deadline ({@link BodyPrefetchFilter}). */
  @Bean
  FilterRegistrationBean<Filter> bodyPrefetchFilter(ErrorBodies errors, MockServerProperties properties) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new BodyPrefetchFilter(
        ApiRequestFilter.MAX_BODY_BYTES, properties.requestTimeouts().body().toMillis(), errors));
    registration.setOrder(FilterOrder.BODY_PREFETCH);
    return registration;
  }

  /** Request lines and headers within the header deadline ({@link RequestDeadlineProtocol}). */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestDeadlines(MockServerProperties properties) {
    return factory -> {
      factory.setProtocol(RequestDeadlineProtocol.class.getName());
      factory.addConnectorCustomizers(connector -> {
        if (connector.getProtocolHandler() instanceof RequestDeadlineProtocol protocol) {
          protocol.setHeaderDeadline(properties.requestTimeouts().headers());
        }
      });
    };
  }

  /** The request journal, read by {@code GET /__admin/requests}; none with {@code onautomate.admin.journal-size=0}. */
  @Bean
  RequestJournal requestJournal(MockServerProperties properties) {
    return new RequestJournal(properties.admin().journalSize(), properties.admin().journalBodyBytes());
  }

  @Bean
  FilterRegistrationBean<RequestJournal> requestJournalFilter(RequestJournal journal, MockServerProperties properties) {
    FilterRegistrationBean<RequestJournal> registration = new FilterRegistrationBean<>(journal);
    registration.setOrder(FilterOrder.REQUEST_JOURNAL);
    registration.setEnabled(properties.admin().journalSize() > 0);
    return registration;
  }

  /** Every path also answers with a trailing slash, as the vendor documents the create path with one. */
  @Bean
  FilterRegistrationBean<Filter> trailingSlashFilter() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(UrlHandlerFilter.trailingSlashHandler("/v1/**").wrapRequest().build());
    registration.setOrder(FilterOrder.TRAILING_SLASH);
    return registration;
  }

  /** Browser apps on other origins ({@link CrossOriginFilter}); off with {@code onautomate.cors.enabled=false}. */
  @Bean
  FilterRegistrationBean<Filter> crossOriginFilter(MockServerProperties properties) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new CrossOriginFilter(properties.cors()));
    registration.setOrder(FilterOrder.CORS);
    registration.setEnabled(properties.cors().enabled());
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> apiRequestFilter(Locations locations, ErrorBodies errors, MockServerProperties properties) {
    MockServerProperties.RateLimit limit = properties.rateLimit();
    RateLimiter limiter = limit.enabled() ? new RateLimiter(limit.requests(), limit.window().toMillis()) : null;
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ApiRequestFilter(locations, limiter, errors));
    registration.setOrder(FilterOrder.API_REQUEST);
    return registration;
  }

  /**
   * The reads' answers, kept per location data version ({@link AnswerCache}); after the token
   * check, which tells the location. Off with {@code onautomate.answer-cache.enabled=false}.
   */
  @Bean
  FilterRegistrationBean<Filter> answerCache(Locations locations, PublicBaseUrl baseUrl, ErrorBodies errors,
                                             MockServerProperties properties) {
    var settings = properties.answerCache();
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
        new AnswerCache(locations::dataVersion, baseUrl, errors, settings.maxEntries(), settings.maxBytes()));
    registration.setOrder(FilterOrder.ANSWER_CACHE);
    registration.setEnabled(settings.enabled());
    return registration;
  }

  /** Times as the vendor writes them, and cheaply: see {@link ContractTimeSerializer}. */
  @Bean
  com.fasterxml.jackson.databind.Module contractTimes() {
    return ContractTimeSerializer.module();
  }

  /** Tomcat's own 400s (a request it cannot parse) in the API's JSON error body, not HTML. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonTomcatErrors() {
    return JsonErrorReportValve.customizer();
  }

  /**
   * TRACE is routed like any other method: Tomcat would answer it 405 with an empty body before any
   * filter runs, and {@code HttpServlet} would echo the request back, credentials included. Routed,
   * it gets Spring MVC's answer: 405 JSON with the path's {@code Allow}, 404 for an unknown path,
   * 401 without a token on {@code /v1/}.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatPassesTrace() {
    return factory -> factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
  }

  /** Boot's DispatcherServlet as Boot configures it (DispatcherServletAutoConfiguration), routing TRACE. */
  @Bean(name = DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME)
  DispatcherServlet dispatcherServlet(WebMvcProperties mvc) {
    DispatcherServlet servlet = new TraceRoutingDispatcherServlet();
    servlet.setDispatchOptionsRequest(mvc.isDispatchOptionsRequest());
    servlet.setDispatchTraceRequest(true);
    servlet.setPublishEvents(mvc.isPublishRequestHandledEvents());
    servlet.setEnableLoggingRequestDetails(mvc.isLogRequestDetails());
    return servlet;
  }

  /** Handles TRACE through the handler mappings only, never by echoing the request. */
  private static final class TraceRoutingDispatcherServlet extends DispatcherServlet {
    @Override
    protected void doTrace(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException {
      processRequest(request, response);
    }
  }

  /**
   * No RequestContextFilter (a disabled registration of one makes Boot add none): the
   * DispatcherServlet exposes the request to {@code RequestContextHolder} itself, and no filter
   * here reads it.
   */
  @Bean
  FilterRegistrationBean<RequestContextFilter> noRequestContextFilter() {
    FilterRegistrationBean<RequestContextFilter> registration = new FilterRegistrationBean<>(new RequestContextFilter());
    registration.setEnabled(false);
    return registration;
  }

  /**
   * Spring MVC's handler adapter without the {@code @JsonView} advice: no method here uses
   * {@code @JsonView}, and the advice looks for the annotation through the generated interface on
   * every request and every response.
   */
  @Bean
  WebMvcRegistrations withoutJsonViewAdvice() {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
        return new RequestMappingHandlerAdapter() {
          @Override
          public void setRequestBodyAdvice(List<RequestBodyAdvice> advice) {
            super.setRequestBodyAdvice(advice.stream().filter(a -> !(a instanceof JsonViewRequestBodyAdvice)).toList());
          }

          @Override
          public void setResponseBodyAdvice(List<ResponseBodyAdvice<?>> advice) {
            super.setResponseBodyAdvice(
                advice.stream().filter(a -> !(a instanceof JsonViewResponseBodyAdvice)).toList());
          }
        };
      }
    };
  }

  /** The API answers JSON whatever the Accept header says, as the vendor's does. */
  @Override
  public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
    configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON);
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.addAll(0, bodyReaders);
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(new Converter<String, OpportunityStatus>() {
      @Override
      public OpportunityStatus convert(String source) {
        return OpportunityStatus.fromValue(source);
      }
    });
  }
}
