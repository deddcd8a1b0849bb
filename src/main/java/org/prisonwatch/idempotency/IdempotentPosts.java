package org.prisonwatch.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;
import org.prisonwatch.access.Callers;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemType;
import org.prisonwatch.gate.RecordGate;
import org.prisonwatch.secrets.Sha256;

/**
 * Runs a POST under its Idempotency-Key: the first attempt writes and stores its response in the same
 * transaction; a retry gets that response again; a duplicate that arrives while the first runs waits a moment for
 * its answer, and gets 409 if the first is still running then.
 * Everything lives in the database, so it holds across instances and restarts.
 */
@ApplicationScoped
public class IdempotentPosts {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Inject
    IdempotencyRecords records;

    @Inject
    ObjectMapper mapper;

    @Inject
    Callers callers;

    @Inject
    RecordGate gate;

    private final Counter replays;

    IdempotentPosts(MeterRegistry metrics) {
        replays = Counter.builder("prisonwatch.idempotent.replays")
                .description("POSTs answered with the stored response of an earlier attempt with the same key")
                .register(metrics);
    }

    /**
     * @param path the collection posted to, which with the parsed body identifies the request
     * @param write performs the write; joins the transaction this method opens
     */
    public <T> RestResponse<T> post(IdempotencyKeyHeader header, String path, Object body,
            Supplier<RestResponse<T>> write) {
        UUID caller = callers.audience().keyId();
        if (header == null || header.value == null || caller == null) {
            return write.get();
        }
        if (!WELL_FORMED.matcher(header.value).matches()) {
            throw ProblemException.invalidParameter(IdempotencyKeyHeader.NAME,
                    "must be 1 to 255 visible ASCII characters, such as a UUID");
        }
        IdempotencyRecordId id = new IdempotencyRecordId(caller, header.value);
        String requestHash = fingerprint(path, body);
        for (int attempt = 0; ; attempt++) {
            try {
                return perform(id, requestHash, write);
            } catch (IdempotencyRecords.ClaimContended e) {
                // a twin still running is not waited for twice; one that committed is answered from what it left
                if (e.stillRunning()) {
                    throw stillRunning();
                }
            }
            IdempotencyRecords.Earlier earlier = records.find(id, requestHash);
            if (earlier instanceof IdempotencyRecords.Mismatch) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was first used "
                        + "with a different request; a new request needs a new key");
            }
            if (earlier instanceof IdempotencyRecords.Completed done) {
                replays.increment();
                return replay(done);
            }
            // the row that stopped the claim is gone already (purged at its expiry): claim again, a few times
            if (attempt >= 2) {
                throw stillRunning();
            }
        }
    }

    private static ProblemException stillRunning() {
        return new ProblemException(ProblemType.REQUEST_IN_PROGRESS, "A request with this Idempotency-Key is still "
                + "running; retry shortly to get its response");
    }

    /** The claim, the write and its stored response: one transaction, so they commit or vanish together. */
    private <T> RestResponse<T> perform(IdempotencyRecordId id, String requestHash, Supplier<RestResponse<T>> write) {
        return QuarkusTransaction.requiringNew().call(() -> {
            records.claim(id, requestHash);
            RestResponse<T> response = write.get();
            Object entity = response.getEntity();
            Object stored = entity instanceof SecretBearing secret ? secret.withoutSecrets() : entity;
            records.complete(id, response.getStatus(), mapper.writeValueAsString(stored),
                    response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG));
            return response;
        });
    }

    /** The stored response, sent again; passes the gate, which audits any identifying data it carries. */
    @SuppressWarnings("unchecked")
    private <T> RestResponse<T> replay(IdempotencyRecords.Completed done) {
        JsonNode body;
        try {
            body = mapper.readTree(done.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored response could not be read", e);
        }
        gate.replayed(body);
        // the stored JSON stands in for T: JAX-RS writes whatever entity it is handed
        RestResponse.ResponseBuilder<T> response = RestResponse.ResponseBuilder.<T>create(done.status())
                .entity((T) body).type(MediaType.APPLICATION_JSON_TYPE).header(REPLAYED_HEADER, "true");
        if (done.location() != null) {
            response.header(HttpHeaders.LOCATION, done.location());
        }
        if (done.etag() != null) {
            response.header(HttpHeaders.ETAG, done.etag());
        }
        return response.build();
    }

    /** The same request, whatever its formatting: method, path and the body as parsed, re-serialised. */
    private String fingerprint(String path, Object body) {
        try {
            return Sha256.hex("POST " + path + "\n" + mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body could not be written as JSON", e);
        }
    }
}
