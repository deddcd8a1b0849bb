package org.prisonwatch.source;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.api.VersionedView;

/**
 * A source as some audience sees it. Staff roles get {@link SourceView}; anonymous and partner callers get
 * {@link PublicSourceView}, which has no contact field at all, so it cannot leak by a forgotten null.
 */
@Schema(name = "SourceResponse", description = "Source (staff roles) or PublicSource (anonymous and partner callers)",
        anyOf = {SourceView.class, PublicSourceView.class})
public sealed interface SourceResponse extends VersionedView permits SourceView, PublicSourceView {
}
