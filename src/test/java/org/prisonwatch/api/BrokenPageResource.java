package org.prisonwatch.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test only: responses that cannot be serialized: a page whose last item fails after as many 10 kB items as asked,
 * a single item, and the answer to a POST whose body was read well.
 */
@Path("/test-only/broken-page")
@PermitAll
public class BrokenPageResource {

    /** An item whose serialization fails, as a record with a bug in its response type would. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("cannot be written");
        }
    }

    @GET
    @Operation(hidden = true)
    @Produces(MediaType.APPLICATION_JSON)
    public Page<Object> brokenPage(@QueryParam("before") int before) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < before; i++) {
            items.add("x".repeat(10_000));
        }
        items.add(new Unwritable());
        return new Page<>(items, null);
    }

    @GET
    @Path("/item")
    @Operation(hidden = true)
    @Produces(MediaType.APPLICATION_JSON)
    public Unwritable brokenItem() {
        return new Unwritable();
    }

    @POST
    @Path("/item")
    @Operation(hidden = true)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Unwritable brokenAnswer(Map<String, Object> body) {
        return new Unwritable();
    }
}
