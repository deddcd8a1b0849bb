package org.prisonwatch.export;

import java.io.IOException;
import java.util.List;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;

/**
 * A list endpoint's pages as it gives them to this caller: through its filters, its keyset paging and the gate. An
 * export only ever reads records this way, so it redacts and audits exactly as the list does.
 */
@FunctionalInterface
public interface PageSource<V> {

    Page<V> page(PageParams params);

    /** What an export does with each page's records as it reaches them. */
    @FunctionalInterface
    interface PageWriter<V> {
        void write(List<V> records) throws IOException;
    }

    /** The first page of the list from the caller's cursor (or the start), in the caller's sort. */
    default Page<V> first(PageParams asked, int pageSize) {
        return page(pageOf(asked, asked.cursor, pageSize));
    }

    /** Writes the first page and every one after it, calling afterPage once each page is written. */
    default void walk(Page<V> first, PageParams asked, int pageSize, PageWriter<V> writer, Runnable afterPage)
            throws IOException {
        Page<V> page = first;
        while (true) {
            writer.write(page.items());
            afterPage.run();
            if (page.nextCursor() == null) {
                return;
            }
            page = page(pageOf(asked, page.nextCursor(), pageSize));
        }
    }

    private static PageParams pageOf(PageParams asked, String cursor, int pageSize) {
        PageParams params = new PageParams();
        params.limit = pageSize;
        params.cursor = cursor;
        params.sort = asked.sort;
        return params;
    }
}
