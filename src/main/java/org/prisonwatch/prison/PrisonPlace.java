package org.prisonwatch.prison;

import java.util.UUID;
import org.prisonwatch.export.GeoPoint;

/** Where a prison is, as exports name places: its name, its state or region and township with their pcodes. */
public record PrisonPlace(UUID id, String name, String stateRegion, String township, String pcode, Double latitude,
        Double longitude) {

    /**
     * The MIMU pcode of the prison's state or region: a township's pcode (MMR001010) begins with its state's
     * (MMR001).
     */
    public String stateRegionPcode() {
        return stateRegionPcode(pcode);
    }

    /** Where a place sits on a map: null when there is no place, or it has no coordinates. */
    public static GeoPoint pointOf(PrisonPlace place) {
        return place == null ? null : GeoPoint.of(place.latitude(), place.longitude());
    }

    static String stateRegionPcode(String townshipPcode) {
        return townshipPcode == null || townshipPcode.length() < 6 ? null : townshipPcode.substring(0, 6);
    }
}
