package com.onautomate.opportunities.mockserver.admin;

import com.onautomate.opportunities.mockserver.errors.ErrorBodies;
import com.onautomate.opportunities.mockserver.fixtures.StartState;
import com.onautomate.opportunities.mockserver.system.MockServerProperties;
import com.onautomate.opportunities.mockserver.web.FilterOrder;
import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin endpoints' filters: who may call them, and the gate that makes a reset atomic. */
@Configuration(proxyBeanMethods = false)
class AdminConfig {

  @Bean
  ResetGate resetGate(StartState startState) {
    return new ResetGate(startState);
  }

  @Bean
  FilterRegistrationBean<ResetGate> resetGateFilter(ResetGate gate) {
    FilterRegistrationBean<ResetGate> registration = new FilterRegistrationBean<>(gate);
    registration.setOrder(FilterOrder.RESET_GATE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> adminAccessFilter(MockServerProperties properties, ErrorBodies errors) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new AdminAccess(properties.admin().token(), errors));
    registration.setOrder(FilterOrder.ADMIN_ACCESS);
    return registration;
  }
}
