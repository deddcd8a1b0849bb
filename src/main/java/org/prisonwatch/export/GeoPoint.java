package org.prisonwatch.export;

/** Where a feature is, in the order RFC 7946 writes it: longitude, then latitude. */
public record GeoPoint(double longitude, double latitude) {

    /** A point when both coordinates are known, else null (the record is left out of a map). */
    public static GeoPoint of(Double latitude, Double longitude) {
        return latitude == null || longitude == null ? null : new GeoPoint(longitude, latitude);
    }
}
