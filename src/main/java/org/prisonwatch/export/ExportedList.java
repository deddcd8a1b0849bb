package org.prisonwatch.export;

import java.util.List;
import java.util.function.Function;

/**
 * How one collection's list becomes a file, whichever path lists it (a collection, or a collection within a prison
 * or an incident): the file's name, its CSV columns, the rows a page of records gives, and for GeoJSON where a row
 * sits and what its feature's properties are.
 *
 * @param name the file name without its extension
 * @param rows a page of records as rows, looking up in one query what the rows need beyond the records
 * @param place where a row sits, or null for none; a list with no place function has no GeoJSON
 * @param properties a feature's properties: the record as the JSON list renders it
 * @param <V> the record as the list renders it
 * @param <R> a row of the file
 */
public record ExportedList<V, R>(String name, List<CsvColumn<R>> columns, Function<List<V>, List<R>> rows,
        Function<R, GeoPoint> place, Function<R, Object> properties) {

    /** A list whose records are their rows, placed by their own coordinates (or, with a null place, not at all). */
    public static <V> ExportedList<V, V> ofRecords(String name, List<CsvColumn<V>> columns,
            Function<V, GeoPoint> place) {
        return new ExportedList<>(name, columns, records -> records, place, record -> record);
    }

    Exports.Format[] formats() {
        return place == null ? new Exports.Format[] {Exports.Format.JSON, Exports.Format.CSV}
                : Exports.Format.values();
    }
}
