package com.onautomate.opportunities.conformance.cassette;

/** How a cassette is written: Schemathesis's VCR YAML, or HAR 1.2 (JSON) for browser tools. */
public enum CassetteFormat {
  VCR, HAR
}
