package com.example.partner;

import com.onautomate.opportunities.client.OpportunitiesClient;
import com.onautomate.opportunities.client.OpportunityFilter;
import com.onautomate.opportunities.client.model.Opportunity;

/** A partner's program: lists a pipeline with the published client. Usage: ListDemoPipeline BASE_URL TOKEN PIPELINE_ID */
public final class ListDemoPipeline {
  public static void main(String[] args) {
    try (OpportunitiesClient client = OpportunitiesClient.builder().baseUrl(args[0]).token(args[1]).build()) {
      for (Opportunity opportunity : client.listAllOpportunities(args[2], OpportunityFilter.builder().build())) {
        System.out.println(opportunity.getId() + " " + opportunity.getName());
      }
    }
  }
}
