package org.prisonwatch.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One cell of a statistic: its group keys, and its figures unless it is withheld. */
@Schema(description = "One group. A withheld (suppressed) group carries its keys only.")
public record StatsRow(
        @JsonInclude(content = JsonInclude.Include.ALWAYS)
        @Schema(required = true, description = "The group's value of each groupBy dimension (null: not known, such "
                + "as an incident at no prison). prison gives prisonId, prisonName and stateRegion; month gives "
                + "\"YYYY-MM\"; year a number.",
                examples = "{\"prisonId\": \"0190f5c2-7a4e-7d2a-9c1b-2f4e5a6b7c8d\", \"prisonName\": \"Banmaw Prison\", "
                        + "\"stateRegion\": \"Kachin\"}", maxProperties = 6)
        Map<String, Object> keys,
        @Schema(required = true, description = "true: the group rests on too few records to publish, or would give "
                + "such a group away by subtraction; its figures are left out") boolean suppressed,
        @Schema(description = "How many distinct records the group rests on", examples = "12") Long records,
        @Schema(description = "The sum of the counts' lower bounds", examples = "40") Long min,
        @Schema(description = "The sum of the counts' best estimates", examples = "50") Long best,
        @Schema(description = "The sum of the counts' upper bounds", examples = "60") Long max,
        Lacking lacking) {

    static StatsRow withheld(Map<String, Object> keys) {
        return new StatsRow(keys, true, null, null, null, null, null);
    }
}
