package com.onautomate.opportunities.mockserver.answers;

import com.onautomate.opportunities.mockserver.errors.ErrorBodies;
import com.onautomate.opportunities.mockserver.system.MockServerProperties;
import com.onautomate.opportunities.mockserver.web.FilterOrder;
import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/** The chosen-answer filter, after the token and body checks; off with {@code onautomate.prefer.enabled=false}. */
@Configuration(proxyBeanMethods = false)
class ChosenAnswersConfig {

  @Bean
  FilterRegistrationBean<Filter> chosenAnswerFilter(ErrorBodies errors, MockServerProperties properties) {
    // The contract is read on the first request that asks for an answer, not at start.
    var answers = SingletonSupplier.of(() -> new ChosenAnswers(DocumentedOperations.fromClassPath()));
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ChosenAnswerFilter(answers, errors));
    registration.setOrder(FilterOrder.CHOSEN_ANSWERS);
    registration.setEnabled(properties.prefer().enabled());
    return registration;
  }
}
