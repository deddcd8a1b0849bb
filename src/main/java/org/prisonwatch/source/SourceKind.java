package org.prisonwatch.source;

/** What kind of reporter a source is. */
public enum SourceKind {
    NGO,
    MEDIA,
    STATE_MEDIA,
    WITNESS,
    FIELD_REPORTER,
    OFFICIAL,
    OTHER
}
