package org.prisonwatch.export;

import java.util.function.Function;

/**
 * One column of a CSV export: its header, its HXL hashtag (the second row, for humanitarian tools) and how a row
 * gives its value. A number or a date is written as it is; text goes through {@link CsvExport#cell}.
 */
public record CsvColumn<R>(String header, String hxl, Function<R, Object> value) {
}
