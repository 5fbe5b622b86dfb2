package com.onautomate.opportunities.mockserver;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --onautomate.fixtures=FILE}: the documented example loads and resets; a bad file stops the start with one line. */
class FixturesTest extends ServerTest {

  static final String EXAMPLE = "fixtures-example.yaml";

  @TempDir
  static Path dir;

  @Override
  protected List<String> serverArgs() {
    return List.of("--onautomate.fixtures=" + EXAMPLE);
  }

  @Test
  void theExampleFileIsTheStartStateInsteadOfTheDemoData() {
    as("acme-token").get(opportunities("acmeSales00000000001")).then().statusCode(200)
        .body("meta.total", equalTo(2))
        .body("opportunities.id", contains("acmeOppEngine0000001", "acmeOppBombe00000001"));
    as("acme-token").get(opportunity("acmeSales00000000001", "acmeOppEngine0000001")).then().statusCode(200)
        .body("name", equalTo("Difference engine, 2 units")).body("pipelineStageId", equalTo("acme-stage-demo"))
        .body("monetaryValue", equalTo(25000f)).body("createdAt", equalTo("2024-05-02T10:00:00.000Z"))
        .body("contact.tags", contains("vip", "engineering"));
    as("acme-token").get(opportunities("acmeRenewals00000001")).then().body("meta.total", equalTo(2));
    as("globex-token").get(opportunities("globexPipeline000001")).then().body("opportunities[0].status", equalTo("abandoned"));
    // Tenancy: the other location's pipeline is not there for this token; the demo token is not there at all.
    as("globex-token").get(opportunities("acmeSales00000000001")).then().statusCode(404);
    as(DemoData.TOKEN).get(opportunities(DemoData.PIPELINE_ID)).then().statusCode(401);
    // The pipeline's duplicate rule and the contact's email hold as for data made through the API.
    as("acme-token").body(Map.of("title", "again", "status", "open", "stageId", "acme-stage-lead", "email",
        "ADA@engines.example"))
        .post(opportunities("acmeSales00000000001")).then().statusCode(400);
    assertThat(server.token()).isEqualTo("acme-token");
  }

  @Test
  void resetGoesBackToTheFile() {
    as("acme-token").delete(opportunity("acmeSales00000000001", "acmeOppBombe00000001")).then().statusCode(200);
    as("acme-token").body(Map.of("title", "new", "status", "open", "stageId", "acme-stage-renewal-due", "email",
        "new@example.com"))
        .post(opportunities("acmeRenewals00000001")).then().statusCode(200);
    server.reset();
    as("acme-token").get(opportunities("acmeSales00000000001")).then().body("meta.total", equalTo(2));
    as("acme-token").get(opportunities("acmeRenewals00000001")).then().body("meta.total", equalTo(2));
    assertThat(db.count("opportunity")).isEqualTo(5);
    assertThat(db.count("contact")).isEqualTo(3);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // file content | the one line
      "locations: [{id: a, name: A, token: t}]\\npipelines:\\n  - {id: p, locationId: nowhere, name: P, stages: [{id: s, name: S}]}"
          + "| line 3: pipelines[0] (id \"p\"), field locationId: no location \"nowhere\" in the file",
      "locations:\\n  - {id: a, name: A, token: t}\\n  - {id: b, name: B, token: t}"
          + "| line 3: locations[1] (id \"b\"), field token: another location has this token",
      "locations: [{id: a, name: A, token: t}]\\npipelines: [{id: p, locationId: a, name: P, stages: [{id: s, name: S}]}]\\n"
          + "contacts: [{id: c, locationId: a, email: c@example.com}]\\nopportunities:\\n  - id: o\\n    pipelineId: p\\n"
          + "    contactId: c\\n    title: T\\n    stageId: nope"
          + "| line 5: opportunities[0] (id \"o\"), field stageId: \"nope\" is not a stage of pipeline \"p\"",
      "locations: [{id: a, name: A, token: t}]\\npipelines: [{id: p, locationId: a, name: P, stages: [{id: s, name: S}]}]\\n"
          + "contacts: [{id: c, locationId: a, email: c@example.com}]\\nopportunities:\\n  - {id: o1, pipelineId: p, contactId: c, title: T}\\n"
          + "  - {id: o2, pipelineId: p, contactId: c, title: T, status: won}"
          + "| line 6: opportunities[1] (id \"o2\"), field contactId: pipeline \"p\" allows no duplicates, and contact \"c\" has an opportunity in it already",
      "locations: [{id: a, name: A, token: t}]\\ncontacts:\\n  - {id: c, locationId: a, email: c@example.com, tags: nope}"
          + "| line 3: contacts[0] (id \"c\"), field tags: must be a list of strings",
      "locations: [{id: a, name: A, token: t, colour: red}]"
          + "| line 1: locations[0] (id \"a\"), field colour: unknown field (known: id, name, token)",
      "locations: [{id: a, name: A, token: t}]\\npipelines: [{id: p, locationId: a, name: P, stages: [{id: s, name: S}]}]\\n"
          + "contacts: [{id: c, locationId: a, email: c@example.com}]\\nopportunities:\\n  - {id: o, pipelineId: p, contactId: c, title: T, status: closed}"
          + "| line 5: opportunities[0] (id \"o\"), field status: \"closed\" is not one of open, won, lost, abandoned",
      "locations: [{id: a, name: A, token: t}]\\n  bad: indentation: here"
          + "| line 2: not YAML: while parsing a block mapping: expected <block end>, but found '<block mapping start>'",
  })
  void aBadFileStopsTheStartWithOneLineNamingTheEntry(String content, String expected) throws Exception {
    Path file = dir.resolve("bad-" + Integer.toHexString(content.hashCode()) + ".yaml");
    Files.writeString(file, content.replace("\\n", "\n"), StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> MockServer.start("--server.port=0", "--onautomate.fixtures=" + file)).isNotNull();
    } finally {
      System.setErr(original);
    }
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as("stderr of the failed start").hasSize(1);
    assertThat(lines.get(0)).startsWith("mock-server: Fixtures file " + file + ", " + expected.strip());
  }

  @Test
  void aJsonFileLoadsToo() throws Exception {
    Path file = dir.resolve("small.json");
    Files.writeString(file, """
        {"locations": [{"id": "jsonLocation", "name": "J", "token": "json-token"}],
         "pipelines": [{"id": "jsonPipeline", "locationId": "jsonLocation", "name": "P",
                        "stages": [{"id": "jsonStage", "name": "S"}]}],
         "contacts": [{"id": "jsonContact", "locationId": "jsonLocation", "phone": "+1 555 0100"}],
         "opportunities": [{"id": "jsonOpp", "pipelineId": "jsonPipeline", "contactId": "jsonContact", "title": "J"}]}
        """, StandardCharsets.UTF_8);
    try (MockServer other = MockServer.start("--server.port=0", "--onautomate.fixtures=" + file)) {
      given().baseUri(other.baseUrl().toString()).header("Authorization", "Bearer json-token")
          .get("/v1/pipelines/jsonPipeline/opportunities").then().statusCode(200)
          .body("opportunities[0].pipelineStageId", equalTo("jsonStage")).body("opportunities[0].contact.phone", equalTo("+1 555 0100"));
    }
  }
}
