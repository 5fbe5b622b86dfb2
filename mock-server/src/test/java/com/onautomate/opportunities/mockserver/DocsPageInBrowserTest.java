package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.api.browser.HeadlessChromium;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * /docs in a real browser, as a partner uses it: authorise with the demo token, try the list
 * operation, and see the demo data that this server (on its random port) answered.
 */
class DocsPageInBrowserTest extends ServerTest {

  @Test
  void tryItOutSendsTheListToThisServerAndShowsItsDemoData() {
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      WebDriver page = chromium.driver();
      page.get(server.baseUrl() + "/docs");
      WebElement list = chromium.await(30).until(ExpectedConditions.presenceOfElementLocated(
          By.id("operations-Opportunities-listOpportunities")));

      // The only server offered is the one that served the page, never production.
      List<String> servers = page.findElements(By.cssSelector(".servers select option")).stream()
          .map(option -> option.getAttribute("value")).toList();
      assertThat(servers).containsExactly(server.baseUrl().toString());

      page.findElement(By.cssSelector("button.authorize")).click();
      chromium.await(10).until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".auth-container input"))).sendKeys(DemoData.TOKEN);
      page.findElement(By.cssSelector(".auth-btn-wrapper button.authorize")).click();
      page.findElement(By.cssSelector(".auth-btn-wrapper button.btn-done")).click();

      list.findElement(By.cssSelector(".opblock-summary-control")).click();
      chromium.await(10).until(ExpectedConditions.elementToBeClickable(
          list.findElement(By.cssSelector("button.try-out__btn")))).click();
      // The path parameter's example is the demo pipeline; the filters start empty.
      assertThat(list.findElement(By.cssSelector("tr[data-param-name='pipelineId'] input")).getAttribute("value"))
          .isEqualTo(DemoData.PIPELINE_ID);
      list.findElement(By.cssSelector("button.execute")).click();

      WebElement response = chromium.await(30).until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#operations-Opportunities-listOpportunities .live-responses-table .response")));
      assertThat(list.findElement(By.cssSelector(".request-url pre")).getText())
          .isEqualTo(server.baseUrl() + "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities?page=1&limit=20");
      assertThat(response.findElement(By.cssSelector(".response-col_status")).getText()).isEqualTo("200");
      assertThat(response.findElement(By.cssSelector(".response-col_description")).getText())
          .contains(DemoData.OPPORTUNITY_ID)
          .contains("\"currentPage\": 1");
    }
  }
}
