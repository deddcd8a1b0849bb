package org.prisonwatch.casualty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.api.VersionedView;

/**
 * A casualty record as some audience sees it. Staff roles get {@link CasualtyView}; anonymous and partner callers
 * get {@link PublicCasualtyView}, which has no person field at all. The spec gives clients one type, Casualty,
 * whose person is optional (see {@link org.prisonwatch.source.SourceResponse} for why).
 */
@Schema(ref = "Casualty")
public sealed interface CasualtyResponse extends VersionedView permits CasualtyView, PublicCasualtyView {
}
