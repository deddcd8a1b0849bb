package org.prisonwatch.submission;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The collections a submission may write to: those a field reporter creates records in. */
public enum SubmittedCollection {
    @JsonProperty("sources") SOURCES("/api/v1/sources"),
    @JsonProperty("incidents") INCIDENTS("/api/v1/incidents"),
    @JsonProperty("armed-inmate-reports") ARMED_INMATE_REPORTS("/api/v1/armed-inmate-reports"),
    @JsonProperty("casualties") CASUALTIES("/api/v1/casualties");

    private final String path;

    SubmittedCollection(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
