package org.prisonwatch.export;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;

/**
 * A list as CSV (RFC 4180, UTF-8, CRLF): a header row, an HXL hashtag row, then one row per record, written page
 * by page as the list endpoint gives them, so memory holds one page whatever the list's length and there is no row
 * cap. The first page is read before the response starts, so a bad filter or cursor is still a problem response;
 * a failure after that can only cut the stream short.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv";

    private static final CsvMapper CSV = new CsvMapper();

    private static final CsvSchema ROWS = CsvSchema.emptySchema().withLineSeparator("\r\n");

    private CsvExport() {
    }

    /**
     * The whole list from the caller's cursor (or the start), in the caller's sort.
     *
     * <p>Each page is sent as soon as it is written, so the response is under way from the first page on: a
     * failure after it resets the connection (see Exports) and the client sees a broken transfer.
     *
     * @param rows turns a page of records into rows, with whatever the page needs looked up once for all of them
     * @param afterPage lets go of what the page loaded (the request's persistence context would otherwise keep
     *     every record of the list until the end: a million of them ran a 256 MB heap out)
     */
    public static <V, R> StreamingOutput of(PageSource<V> source, PageParams asked, int pageSize,
            List<CsvColumn<R>> columns, Function<List<V>, List<R>> rows, Runnable afterPage) {
        Page<V> first = source.first(asked, pageSize);
        return output -> {
            // closed only once every page is out: a failure must leave the file unfinished, not flush and end it
            CsvGenerator csv = CSV.getFactory().createGenerator(new BufferedOutputStream(new Unclosed(output),
                    64 * 1024));
            csv.setSchema(ROWS);
            row(csv, columns.stream().map(CsvColumn::header).toList());
            row(csv, columns.stream().map(CsvColumn::hxl).toList());
            source.walk(first, asked, pageSize, records -> {
                for (R row : rows.apply(records)) {
                    row(csv, columns.stream().map(column -> cell(column.value().apply(row))).toList());
                }
                csv.flush();
            }, afterPage);
            csv.close();
        };
    }

    /** One record (a root-level array is one CSV line). */
    private static void row(CsvGenerator csv, List<String> cells) throws IOException {
        csv.writeStartArray();
        for (String cell : cells) {
            csv.writeString(cell);
        }
        csv.writeEndArray();
    }

    /**
     * A cell's text. Text that a spreadsheet could run as a formula gets a leading apostrophe, so that a reporter's
     * words never execute on an analyst's machine (OWASP, CSV injection): text whose first character, once leading
     * spaces and control characters are skipped (some imports trim them), is =, +, -, @ or their full-width forms,
     * and text that starts with a tab or a carriage return. Numbers are left as they are, negative ones included.
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value instanceof Enum<?> constant ? constant.name() : value.toString();
        return runsAsFormula(text) ? "'" + text : text;
    }

    private static boolean runsAsFormula(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\r') {
                return true;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                continue;
            }
            return "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(c) >= 0;
        }
        return false;
    }

    /** The response's stream, which is the server's to close. */
    static final class Unclosed extends java.io.FilterOutputStream {

        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
