package com.onautomate.opportunities.mockserver.opportunities;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.mockserver.errors.FieldProblems;
import com.onautomate.opportunities.mockserver.web.JsonFields;
import com.onautomate.opportunities.mockserver.web.RequestBodyReader;
import com.onautomate.opportunities.server.model.OpportunityRequest;
import com.onautomate.opportunities.server.model.OpportunityStatus;
import com.onautomate.opportunities.server.model.OpportunityStatusRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two request bodies, read field by field with the limits of the contract's schemas. */
@Configuration(proxyBeanMethods = false)
class OpportunityBodyReaders {

  static final long MAX_MONETARY_VALUE = 1_000_000_000_000L;

  @Bean
  RequestBodyReader opportunityRequestReader() {
    return new RequestBodyReader(OpportunityRequest.class) {
      @Override
      protected Object read(JsonNode json, FieldProblems problems) {
        JsonFields fields = new JsonFields(json, problems);
        OpportunityBody body = new OpportunityBody(problems);
        body.setTitle(fields.requiredString("title", 255));
        body.setStatus(status(json, fields));
        body.setStageId(fields.requiredString("stageId", 64));
        body.setContactId(fields.optionalString("contactId", 1, 64));
        body.setEmail(fields.optionalEmail("email", 254));
        body.setPhone(fields.optionalString("phone", 1, 32));
        if (!json.hasNonNull("contactId") && !json.hasNonNull("email") && !json.hasNonNull("phone")) {
          problems.required(FieldProblems.CONTACT_KEY);
        }
        body.setName(fields.optionalString("name", 1, 255));
        body.setCompanyName(fields.optionalString("companyName", 1, 255));
        List<String> tags = fields.optionalStringArray("tags", 50, 64);
        body.setTags(tags);
        body.setAssignedTo(fields.optionalString("assignedTo", 1, 64));
        body.setMonetaryValue(fields.optionalNumber("monetaryValue", 0, MAX_MONETARY_VALUE));
        body.setSource(fields.optionalString("source", 1, 255));
        return body;
      }
    };
  }

  @Bean
  RequestBodyReader statusRequestReader() {
    return new RequestBodyReader(OpportunityStatusRequest.class) {
      @Override
      protected Object read(JsonNode json, FieldProblems problems) {
        JsonFields fields = new JsonFields(json, problems);
        StatusBody body = new StatusBody(problems);
        body.setStatus(status(json, fields));
        body.setStageId(fields.requiredString("stageId", 64));
        return body;
      }
    };
  }

  private static OpportunityStatus status(JsonNode json, JsonFields fields) {
    JsonNode node = json.get("status");
    if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
      fields.problems().required("status");
      return null;
    }
    if (!node.isTextual()) {
      fields.problems().string("status");
      return null;
    }
    for (OpportunityStatus status : OpportunityStatus.values()) {
      if (status.getValue().equals(node.textValue())) {
        return status;
      }
    }
    fields.problems().invalid("status");
    return null;
  }
}
