package org.prisonwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** JSON calls to a service on this machine. */
final class Http {

    record Response(int status, String body, HttpResponse<String> raw) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json(ObjectMapper mapper) {
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    final HttpClient client;
    final String base;

    Http(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    Response get(String path, String key) {
        return send("GET", path, key, null, Map.of());
    }

    /** A GET whose body is read by the caller, as it arrives. */
    HttpResponse<InputStream> stream(String path, String key) {
        return exchange("GET " + path, request("GET", path, key, null, Map.of(), Duration.ofSeconds(60)),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    Response send(String method, String path, String key, String body, Map<String, String> headers) {
        return send(method, path, key, body, headers, Duration.ofSeconds(60));
    }

    Response send(String method, String path, String key, String body, Map<String, String> headers,
            Duration timeout) {
        HttpResponse<String> response = exchange(method + " " + path,
                request(method, path, key, body, headers, timeout), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response);
    }

    private <T> HttpResponse<T> exchange(String what, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    HttpRequest request(String method, String path, String key, String body, Map<String, String> headers,
            Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        return builder.build();
    }
}
