package com.onautomate.opportunities.mockserver.faults;

import com.onautomate.opportunities.mockserver.errors.ErrorBodies;
import com.onautomate.opportunities.mockserver.system.MockServerProperties;
import com.onautomate.opportunities.mockserver.web.FilterOrder;
import jakarta.servlet.Filter;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fault filter just after the token check, and the valve that lets it close connections;
 * neither is installed when the settings inject nothing and {@code Prefer} is off.
 */
@Configuration(proxyBeanMethods = false)
class FaultsConfig {

  @Bean(destroyMethod = "close")
  HeldAnswers heldAnswers() {
    return new HeldAnswers();
  }

  @Bean
  FilterRegistrationBean<Filter> faultFilter(HeldAnswers held, ErrorBodies errors, MockServerProperties properties) {
    FaultPlanner planner = new FaultPlanner(properties.faults());
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
        new FaultFilter(planner, held, errors, properties.prefer().enabled()));
    registration.setOrder(FilterOrder.FAULTS);
    registration.setEnabled(active(properties));
    return registration;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionCloser(MockServerProperties properties) {
    return factory -> {
      if (active(properties)) {
        factory.addContextValves(new ConnectionCloser());
      }
    };
  }

  private static boolean active(MockServerProperties properties) {
    return properties.prefer().enabled() || properties.faults().enabled();
  }
}
