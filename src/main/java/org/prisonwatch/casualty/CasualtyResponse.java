package org.prisonwatch.casualty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.api.VersionedView;

/**
 * A casualty record as some audience sees it. Staff roles get {@link CasualtyView}; anonymous and partner callers
 * get {@link PublicCasualtyView}, which has no person field at all.
 */
@Schema(name = "CasualtyResponse",
        description = "Casualty (staff roles) or PublicCasualty (anonymous and partner callers)",
        anyOf = {CasualtyView.class, PublicCasualtyView.class})
public sealed interface CasualtyResponse extends VersionedView permits CasualtyView, PublicCasualtyView {
}
