package com.onautomate.opportunities.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.spec.Contract;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Undocumented response properties are allowed unless a schema says {@code additionalProperties: false}
 * ({@code --strict-schemas} reports them all), and a genuinely wrong response is still caught either way.
 */
class SchemaValidatorTest {
  private static final String GET = "/v1/pipelines/p/opportunities/o";
  private static final SchemaValidator LENIENT = new SchemaValidator(Suite.CONTRACT, false);
  private static final SchemaValidator STRICT = new SchemaValidator(Suite.CONTRACT, true);

  private static ObjectNode opportunity() {
    return (ObjectNode) Json.parse("""
        {"id":"7XExm1wr8gFeZpl6rQny","name":"First Opp","monetaryValue":120,"pipelineId":"bCkKGpDsyPP4peuKowkG",
         "pipelineStageId":"8b897c8f-b859-49c1-88f2-ed590708a85c","assignedTo":null,"status":"open","source":null,
         "lastStatusChangeAt":"2020-10-29T09:39:35.472Z","createdAt":"2020-10-29T09:31:30.255Z",
         "updatedAt":"2020-10-29T09:44:02.263Z",
         "contact":{"id":"byMEV0NQinDhq8ZfiOi2","name":"John Deo","companyName":null,"email":"john@deo.com",
                    "phone":null,"tags":["ea"]}}""");
  }

  private static List<String> errors(SchemaValidator v, String path, int status, String body) {
    return v.responseBodyErrors("GET", path, new Response(status, Map.of("Content-Type", List.of("application/json")),
        body, 1));
  }

  private static List<String> errors(SchemaValidator v, Consumer<ObjectNode> change) {
    ObjectNode o = opportunity();
    change.accept(o);
    return errors(v, GET, 200, Json.write(o));
  }

  @Test
  void theValidatorIsLenientUnlessAskedAndSaysWhichItIs() {
    assertThat(new SchemaValidator(Suite.CONTRACT).strict()).isFalse();
    assertThat(STRICT.strict()).isTrue();
    assertThat(errors(LENIENT, o -> { })).isEmpty();
    assertThat(errors(STRICT, o -> { })).isEmpty();
  }

  @Test
  void undocumentedPropertiesAtEveryLevelAreAllowedByDefaultAndReportedWhenStrict() {
    Consumer<ObjectNode> extras = o -> {
      o.put("locationId", "loc1");
      ((ObjectNode) o.get("contact")).putObject("customFields").put("x", 1);
    };
    assertThat(errors(LENIENT, extras)).isEmpty();
    assertThat(errors(STRICT, extras)).hasSize(2).allMatch(e -> e.contains("not allowed by the schema"));

    String list = """
        {"opportunities":[],"meta":{"total":0,"currentPage":1,"nextPage":null,"prevPage":null,"nextPageUrl":null,
         "limit":20},"links":{}}""";
    assertThat(errors(LENIENT, "/v1/pipelines/p/opportunities", 200, list)).isEmpty();
    assertThat(errors(STRICT, "/v1/pipelines/p/opportunities", 200, list)).hasSize(2);
    assertThat(errors(LENIENT, GET, 404, "{\"msg\":\"Not Found\",\"requestId\":\"r1\"}")).isEmpty();
    assertThat(errors(LENIENT, "/v1/pipelines/p/opportunities", 422,
        "{\"limit\":{\"message\":\"Too large.\",\"rule\":\"max\",\"field\":\"limit\"}}")).isEmpty();
  }

  @Test
  void aSchemaThatForbidsUndocumentedPropertiesIsHonouredInBothReadings() {
    Contract closed = Contract.load("src/test/resources/specs/closed-object.yaml");
    String body = "{\"closed\":{\"a\":\"x\",\"b\":1},\"open\":{\"a\":\"x\",\"b\":1}}";
    assertThat(errors(new SchemaValidator(closed, false), "/things", 200, body))
        .singleElement().asString().contains("not allowed by the schema").contains("/closed");
    assertThat(errors(new SchemaValidator(closed, true), "/things", 200, body)).hasSize(2);
    // a 422 map's keys are its additional properties: each must still be a FieldError
    assertThat(errors(LENIENT, "/v1/pipelines/p/opportunities", 422, "{\"limit\":{\"message\":\"x\",\"rule\":\"max\"},"
        + "\"code\":422}")).isNotEmpty();
  }

  @Test
  void aGenuinelyWrongResponseIsCaughtInBothReadings() {
    List<Consumer<ObjectNode>> wrong = List.of(
        o -> o.remove("id"),                                         // a required property missing
        o -> ((ObjectNode) o.get("contact")).remove("tags"),         // ... at the second level
        o -> o.put("monetaryValue", "120"),                          // a wrong type
        o -> o.put("contact", "byMEV0NQinDhq8ZfiOi2"),               // an object as a string
        o -> o.putNull("name"),                                      // null where not nullable
        o -> o.put("status", "closed"),                              // not one of the enum
        o -> o.put("createdAt", "yesterday"),                        // a bad date-time
        o -> o.put("updatedAt", "2020-13-29T09:44:02Z"),             // ... a month that does not exist
        o -> ((ObjectNode) o.get("contact")).put("email", "not-an-email")); // a bad email
    for (SchemaValidator v : List.of(LENIENT, STRICT)) {
      for (int i = 0; i < wrong.size(); i++) {
        assertThat(errors(v, wrong.get(i))).as("change %d, strict %s", i, v.strict()).isNotEmpty();
      }
    }
    assertThat(errors(LENIENT, "/v1/pipelines/p/opportunities", 200, "{\"opportunities\":[],\"meta\":{}}"))
        .isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2020-10-29T09:31:30Z", "2020-10-29T09:31:30.2Z", "2020-10-29T09:31:30.255000000Z",
      "2020-10-29T09:31:30.255+00:00", "2020-10-29T15:01:30.255+05:30", "2020-10-29t09:31:30.255z"})
  void everyDateTimeThatRfc3339AllowsIsValid(String time) {
    assertThat(errors(LENIENT, o -> o.put("createdAt", time))).isEmpty();
  }
}
