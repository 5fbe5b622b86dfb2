package com.onautomate.opportunities.conformance.spec;

/**
 * The contract's six operations on opportunities, by the role the engine's sequences and scenarios give them.
 *
 * <pre>{@code OpportunityOperations ops = OpportunityOperations.of(contract); ops.create().links();}</pre>
 */
public record OpportunityOperations(Operation list, Operation create, Operation get, Operation update,
                                    Operation status, Operation delete) {

  /** The six operations by their operationIds; fails with {@link ContractException} when the contract lacks one. */
  public static OpportunityOperations of(Contract contract) {
    return new OpportunityOperations(contract.require("listOpportunities"), contract.require("createOpportunity"),
        contract.require("getOpportunity"), contract.require("updateOpportunity"),
        contract.require("updateOpportunityStatus"), contract.require("deleteOpportunity"));
  }
}
