package org.prisonwatch.prison;

import java.util.UUID;

/** Where a prison is, as exports name places: its name, its state or region and township with their pcodes. */
public record PrisonPlace(UUID id, String name, String stateRegion, String township, String pcode, Double latitude,
        Double longitude) {

    /**
     * The MIMU pcode of the prison's state or region: a township's pcode (MMR001010) begins with its state's
     * (MMR001).
     */
    public String stateRegionPcode() {
        return pcode == null || pcode.length() < 6 ? null : pcode.substring(0, 6);
    }
}
