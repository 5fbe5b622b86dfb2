package com.onautomate.opportunities.mockserver;

/**
 * The ids of the demo data the mock server loads at start (unless {@code --onautomate.demo-data=false}).
 * They are the vendor's own example ids, so that the vendor's curl examples run as printed.
 */
public final class DemoData {

  /** Location A's bearer token. */
  public static final String TOKEN = "demo-token";
  /** Location A. */
  public static final String LOCATION_ID = "demoLocation00000001";

  /** "Sales": duplicate opportunities NOT allowed. */
  public static final String PIPELINE_ID = "bCkKGpDsyPP4peuKowkG";
  public static final String STAGE_NEW_ID = "8b897c8f-b859-49c1-88f2-ed590708a85c";
  public static final String STAGE_CONTACTED_ID = "7915dedc-8f18-44d5-8bc3-77c04e994a10";
  public static final String STAGE_PROPOSAL_ID = "3f1f6c9e-2d9b-4a51-9a57-4a1c3c1e8a01";
  public static final String STAGE_CLOSED_ID = "c0a5d7e2-6b0e-4f6d-8a43-0f5e2b9d7c12";

  /** "Renewals": duplicate opportunities allowed. */
  public static final String DUPLICATES_PIPELINE_ID = "duplicatesAllowed001";
  public static final String DUPLICATES_STAGE_1_ID = "b2a4c6e8-0000-4000-8000-000000000001";
  public static final String DUPLICATES_STAGE_2_ID = "b2a4c6e8-0000-4000-8000-000000000002";

  /** Elon Musk, Tesla, elon@musk.com, +1202-555-0107, no tags, no opportunity. */
  public static final String CONTACT_ELON_ID = "mTkSCb1UBjb5tk4OvB69";
  public static final String CONTACT_ELON_EMAIL = "elon@musk.com";
  /** John Deo, Tesla Inc, john@deo.com, +1202-555-0108, tags [cillum sunt in enim, ea]. */
  public static final String CONTACT_JOHN_ID = "byMEV0NQinDhq8ZfiOi2";
  public static final String CONTACT_JOHN_EMAIL = "john@deo.com";

  /** "First Opp" in {@link #PIPELINE_ID}, stage New, open, 120, for John Deo. */
  public static final String OPPORTUNITY_ID = "123akv4LFn6C9frZoy3e";

  /** Location B's bearer token; location B cannot see anything of location A, nor A of B. */
  public static final String OTHER_TOKEN = "demo-token-2";
  public static final String OTHER_LOCATION_ID = "demoLocation00000002";
  public static final String OTHER_PIPELINE_ID = "otherLocationPipe001";
  public static final String OTHER_STAGE_ID = "d1e2f3a4-0000-4000-8000-000000000001";
  public static final String OTHER_CONTACT_ID = "otherLocContact00001";
  public static final String OTHER_OPPORTUNITY_ID = "otherLocationOpp0001";

  private DemoData() {
  }
}
