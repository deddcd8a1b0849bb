package org.prisonwatch.source;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.api.VersionedView;

/**
 * A source as some audience sees it. Staff roles get {@link SourceView}; anonymous and partner callers get
 * {@link PublicSourceView}, which has no contact field at all, so it cannot leak by a forgotten null. On the wire
 * the two differ only in that field, so the spec gives clients one type, Source, whose contact is optional: a
 * generated client decodes every answer into it, and no client can guess wrong between two shapes that fit.
 */
@Schema(ref = "Source")
public sealed interface SourceResponse extends VersionedView permits SourceView, PublicSourceView {
}
