package org.prisonwatch.export;

import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;

/**
 * A list endpoint's pages as it gives them to this caller: through its filters, its keyset paging and the gate. An
 * export only ever reads records this way, so it redacts and audits exactly as the list does.
 */
@FunctionalInterface
public interface PageSource<V> {

    Page<V> page(PageParams params);
}
