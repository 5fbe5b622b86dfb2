package com.onautomate.opportunities.mockserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Prefer header's grammar (RFC 7240) as Prism's users write it, and as the RFC allows. */
class PreferencesTest {

  @Test
  void readsPrismsCombinedForm() {
    Preferences preferences = Preferences.parse("code=422, example=requiredFieldsMissing");
    assertThat(preferences.get("code")).contains("422");
    assertThat(preferences.get("example")).contains("requiredFieldsMissing");
    assertThat(preferences.get("delay")).isEmpty();
  }

  @Test
  void namesAreCaseInsensitiveAndSpacesDoNotMatter() {
    Preferences preferences = Preferences.parse("  CODE = 404 ,Delay=10");
    assertThat(preferences.get("code")).contains("404");
    assertThat(preferences.get("delay")).contains("10");
  }

  @Test
  void quotedValuesMayHoldCommasSemicolonsAndEscapes() {
    Preferences preferences = Preferences.parse("example=\"a, b; c \\\"d\\\"\", code=200");
    assertThat(preferences.get("example")).contains("a, b; c \"d\"");
    assertThat(preferences.get("code")).contains("200");
  }

  @Test
  void parametersAfterASemicolonAreIgnored() {
    assertThat(Preferences.parse("code=429; foo=bar").get("code")).contains("429");
  }

  @Test
  void theFirstOfARepeatedPreferenceCounts() {
    assertThat(Preferences.parse("code=200, code=404").get("code")).contains("200");
  }

  @Test
  void aPreferenceWithoutValueIsPresentAndEmptyAndEmptyElementsAreSkipped() {
    Preferences preferences = Preferences.parse(",respond-async,, ,return=minimal");
    assertThat(preferences.get("respond-async")).contains("");
    assertThat(preferences.get("return")).contains("minimal");
    assertThat(Preferences.parse(" , ").isEmpty()).isTrue();
  }
}
