package org.prisonwatch.prison;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.api.VersionedView;
import org.prisonwatch.burmese.ZawgyiOriginals;

/** A prison as the API returns it. */
@Schema(requiredProperties = {"id", "version", "createdAt", "updatedAt", "name", "stateRegion"},
        name = "Prison", description = "A place of detention")
public record PrisonView(
        @Schema(examples = "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f") UUID id,
        @Schema(description = "Starts at 1, moves on with every write; the ETag", examples = "1") Integer version,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant createdAt,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant updatedAt,
        @Schema(examples = "Banmaw Prison") String name,
        @Schema(examples = "ဗန်းမော်အကျဉ်းထောင်") String nameMy,
        List<String> alternateNames,
        PrisonKind kind,
        @Schema(examples = "Kachin") String stateRegion,
        @Schema(examples = "Bhamo") String township,
        @Schema(examples = "MMR001010") String pcode,
        @Schema(examples = "24.2656") Double latitude,
        @Schema(examples = "97.2343") Double longitude,
        PrisonControl controlledBy,
        PrisonStatus status,
        Boolean inConflictZone,
        Integer estimatedPopulation,
        String notes,
        @Schema(description = ZawgyiOriginals.DESCRIPTION, examples = "{\"/nameMy\": \"ဗန္းေမာ္အက်ဉ္းေထာင္\"}")
        Map<String, String> zawgyiOriginals) implements VersionedView {
}
