package org.prisonwatch.api;

/** A page of a list or of the change feed, as it is sent: written by {@link PageBodyWriter}. */
public interface PageBody {
}
