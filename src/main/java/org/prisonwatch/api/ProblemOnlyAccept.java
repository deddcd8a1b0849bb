package org.prisonwatch.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Generated clients build Accept from the media types an operation declares, and for an operation whose success
 * has no body (a 204) the only ones declared are its problems': they send {@code Accept: application/problem+json}
 * alone, and a server that took it literally would answer 406 to a delete that succeeded. Such a request is read
 * as accepting JSON too. An Accept that names any other type (text/csv for an export, say) is left as it is, so
 * it still chooses the format.
 */
public class ProblemOnlyAccept {

    @ServerRequestFilter(preMatching = true)
    public void acceptJsonToo(ContainerRequestContext request) {
        List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept == null || accept.isEmpty() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        if (accept.size() > 1) {
            // several Accept lines are one list (RFC 9110, 5.3): joined, so that every reader of the header sees
            // the same list, the export switch and the writer's negotiation alike
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, String.join(", ", accept));
            accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        }
        StringBuilder widened = new StringBuilder();
        for (String header : accept) {
            for (String range : header.split(",")) {
                String trimmed = range.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int parameters = trimmed.indexOf(';');
                String type = (parameters < 0 ? trimmed : trimmed.substring(0, parameters)).strip();
                if (!type.toLowerCase(Locale.ROOT).equals(Problem.MEDIA_TYPE)) {
                    return;
                }
                widened.append(widened.isEmpty() ? "" : ", ").append(trimmed).append(", ")
                        .append(MediaType.APPLICATION_JSON).append(parameters < 0 ? "" : trimmed.substring(parameters));
            }
        }
        if (!widened.isEmpty()) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, widened.toString());
        }
    }
}
