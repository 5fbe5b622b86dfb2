package com.onautomate.opportunities.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The static reference (target/reference/openapi.html, published as api-*-reference.html) opened from a file. */
class ReferencePageInBrowserTest {

  private static final Path REFERENCE = Path.of("target", "reference", "openapi.html").toAbsolutePath();

  @Test
  void rendersAllSixOperationsFromAFileWithoutTheNetwork() {
    assertThat(REFERENCE).isRegularFile();
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      WebDriver page = chromium.driver();
      page.get(REFERENCE.toUri().toString());
      chromium.await(30).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".opblock"), 6));

      List<String> operations = page.findElements(By.cssSelector(".opblock")).stream()
          .map(block -> block.getAttribute("id")).toList();
      assertThat(operations).containsExactlyInAnyOrder(
          "operations-Opportunities-listOpportunities", "operations-Opportunities-createOpportunity",
          "operations-Opportunities-getOpportunity", "operations-Opportunities-updateOpportunity",
          "operations-Opportunities-deleteOpportunity", "operations-Opportunities-updateOpportunityStatus");
      assertThat(page.getTitle()).matches("OnAutomate Opportunities API \\d+\\.\\d+\\.\\d+ — reference");
      assertThat(page.findElement(By.cssSelector(".info .title")).getText()).contains("OnAutomate Opportunities API");

      // Everything came from the file itself: no script, style sheet or font from anywhere else.
      @SuppressWarnings("unchecked")
      List<String> fetched = (List<String>) ((JavascriptExecutor) page).executeScript(
          "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
      assertThat(fetched).allMatch(url -> url.startsWith("file:") || url.startsWith("data:"));

      // A reference, not a console: an open operation offers no "Try it out".
      WebElement create = page.findElement(By.id("operations-Opportunities-createOpportunity"));
      create.findElement(By.cssSelector(".opblock-summary-control")).click();
      chromium.await(10).until(ExpectedConditions.presenceOfNestedElementLocatedBy(create, By.cssSelector(".opblock-body")));
      assertThat(create.findElements(By.cssSelector("button.try-out__btn"))).isEmpty();
      assertThat(create.getText()).contains("contactId or email");
    }
  }

  @Test
  void theInlinedContractCannotEndItsScript() throws Exception {
    String html = Files.readString(REFERENCE);
    String json = html.substring(html.indexOf("var contract = "), html.indexOf("window.ui = SwaggerUIBundle"));
    assertThat(json).doesNotContain("<");
    assertThat(html).doesNotContain("@SWAGGER_UI_JS@", "@OPENAPI_JSON@", "https://cdn", "https://unpkg");
  }
}
