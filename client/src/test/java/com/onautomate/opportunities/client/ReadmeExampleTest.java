package com.onautomate.opportunities.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.client.model.Opportunity;
import com.onautomate.opportunities.client.model.OpportunityStatus;
import com.onautomate.opportunities.mockserver.DemoData;
import com.onautomate.opportunities.mockserver.MockServer;
import com.onautomate.opportunities.mockserver.MockServerTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The usage example of {@code client/README.md}: it runs here against the real mock server, and
 * the README must show exactly the lines between the {@code tag::readme} markers below.
 */
@MockServerTest
class ReadmeExampleTest {
  private static final Path README = Path.of("README.md");
  private static final Path THIS_FILE =
      Path.of("src/test/java/com/onautomate/opportunities/client/ReadmeExampleTest.java");

  @Test
  void theExampleRuns(MockServer server) {
    URI baseUrl = server.baseUrl();
    String token = DemoData.TOKEN;
    String pipelineId = DemoData.DUPLICATES_PIPELINE_ID;
    String stageId = DemoData.DUPLICATES_STAGE_1_ID;
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // tag::readme[]
      try (OpportunitiesClient client = OpportunitiesClient.builder()
          .baseUrl(baseUrl)                  // default: https://link.amtssl.com
          .token(token)                      // the location's API key
          .build()) {
        Opportunity created = client.createOpportunity(pipelineId, OpportunityRequests.builder()
            .title("Solar roof").status(OpportunityStatus.OPEN).stageId(stageId)
            .email("ada@example.com").name("Ada Lovelace").monetaryValue(5000)
            .build());
        System.out.println("created " + created.getId());
        for (Opportunity o : client.listAllOpportunities(pipelineId, OpportunityFilter.builder().limit(100).build())) {
          System.out.println(o.getName() + ": " + o.getMonetaryValue());  // every page, fetched lazily
        }
        client.createOpportunity(pipelineId, OpportunityRequests.builder()
            .title("No contact").status(OpportunityStatus.OPEN).stageId(stageId).build());
      } catch (ValidationException e) {                                    // 422
        e.fieldErrors().forEach((field, error) -> System.out.println(field + ": " + error.getRule()));
      }
      // end::readme[]
    } finally {
      System.setOut(stdout);
    }

    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(output).containsPattern("created \\S+\n").contains("Solar roof: 5000.0\n").endsWith("contactId or email: required\n");
  }

  @Test
  void theReadmeShowsTheExampleExactly() throws IOException {
    List<String> source = Files.readAllLines(THIS_FILE, StandardCharsets.UTF_8);
    List<String> example = dedent(between(source, "// tag::readme[]", "// end::readme[]"));
    List<String> readme = between(Files.readAllLines(README, StandardCharsets.UTF_8), "<!-- example:start -->", "<!-- example:end -->");

    assertThat(readme).as("the README's example block").first().isEqualTo("```java");
    assertThat(readme).last().isEqualTo("```");
    assertThat(String.join("\n", readme.subList(1, readme.size() - 1)))
        .as("client/README.md must show ReadmeExampleTest's example, line for line")
        .isEqualTo(String.join("\n", example));
    assertThat(example).hasSizeBetween(12, 20);
  }

  private static List<String> between(List<String> lines, String start, String end) {
    int from = -1;
    int to = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(start)) {
        from = i + 1;
      } else if (lines.get(i).trim().equals(end)) {
        to = i;
      }
    }
    assertThat(from).as("marker " + start).isPositive();
    assertThat(to).as("marker " + end).isGreaterThanOrEqualTo(from);
    return lines.subList(from, to);
  }

  private static List<String> dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.toList());
  }
}
