package org.prisonwatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.common.jaxrs.UriBuilderImpl;
import org.junit.jupiter.api.Test;

/** The next link's query is the one UriBuilder.replaceQueryParam made, which it replaced: same text, any input. */
class NextLinkTest {

    @Test
    void theQueryIsWhatUriBuilderMakes() {
        List<String> queries = List.of("", "limit=5", "q=a%20b&limit=5&cursor=X&verificationStatus=REPORTED",
                "cursor=a&cursor=b&q=%E1%80%80+x&x", "a=1&&b=&cursor", "q=%2F&Cursor=1&cursor%3D=2", "cursor=",
                "x=cursor&cursorx=1&cursor=1=2", "sort=-updatedAt&limit=50&q=%E1%80%99%E1%80%BC", "a=1&", "&a=1",
                "&", "a=1&&", "cursor=1&");
        for (String query : queries) {
            URI expected = new UriBuilderImpl().uri(URI.create("http://h/api/v1/incidents"
                    + (query.isEmpty() ? "" : "?" + query))).replaceQueryParam("cursor", "AbC_-09").build();
            assertEquals(expected.getRawQuery(), PublicUris.replaceParameter(query, "cursor", "AbC_-09"), query);
        }
        assertEquals("cursor=AbC_-09", PublicUris.replaceParameter(null, "cursor", "AbC_-09"));
        assertEquals("a=1&cursor=AbC_-09", PublicUris.replaceParameter("a=1#&cursor=2", "cursor", "AbC_-09"),
                "a fragment is not part of the query: the cursor must not land in it");
    }
}
