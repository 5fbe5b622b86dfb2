package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.tenancy.CurrentLocation;
import com.onautomate.opportunities.server.api.OpportunitiesApi;
import com.onautomate.opportunities.server.model.Opportunity;
import com.onautomate.opportunities.server.model.OpportunityList;
import com.onautomate.opportunities.server.model.OpportunityRequest;
import com.onautomate.opportunities.server.model.OpportunityStatus;
import com.onautomate.opportunities.server.model.OpportunityStatusRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The generated interface's routes; each only hands over to {@link OpportunityService}. */
@RestController
class OpportunitiesController implements OpportunitiesApi {

  private final OpportunityService service;
  private final PageLinks links;

  OpportunitiesController(OpportunityService service, PageLinks links) {
    this.service = service;
    this.links = links;
  }

  @Override
  public ResponseEntity<OpportunityList> listOpportunities(String pipelineId, Integer page, Integer limit,
      String title, String stageId, OpportunityStatus status, Double monetaryValue, String assignedTo,
      String contactId, String email, String name, String phone, List<String> tags, String companyName) {
    // The parameters as checked by ListQueryParser (the same values, with tags kept whole).
    ListQuery query = (ListQuery) RequestContextHolder.currentRequestAttributes()
        .getAttribute(ListQueryParser.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    OpportunityStore.Page result = service.list(CurrentLocation.id(), pipelineId, query);
    return ResponseEntity.ok(new OpportunityList(result.opportunities(), links.meta(pipelineId, query, result.total())));
  }

  @Override
  public ResponseEntity<Opportunity> createOpportunity(String pipelineId, OpportunityRequest body) {
    return ResponseEntity.ok(service.create(CurrentLocation.id(), pipelineId, body));
  }

  @Override
  public ResponseEntity<Opportunity> getOpportunity(String pipelineId, String opportunityId) {
    return ResponseEntity.ok(service.get(CurrentLocation.id(), pipelineId, opportunityId));
  }

  @Override
  public ResponseEntity<Opportunity> updateOpportunity(String pipelineId, String opportunityId, OpportunityRequest body) {
    return ResponseEntity.ok(service.update(CurrentLocation.id(), pipelineId, opportunityId, body));
  }

  @Override
  public ResponseEntity<Void> updateOpportunityStatus(String pipelineId, String opportunityId,
      OpportunityStatusRequest body) {
    service.changeStatus(CurrentLocation.id(), pipelineId, opportunityId, body);
    return ResponseEntity.ok().build();
  }

  @Override
  public ResponseEntity<Void> deleteOpportunity(String pipelineId, String opportunityId) {
    service.delete(CurrentLocation.id(), pipelineId, opportunityId);
    return ResponseEntity.ok().build();
  }
}
