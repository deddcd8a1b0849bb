package org.prisonwatch.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.prisonwatch.api.FieldError;
import org.prisonwatch.api.Problem;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemResponses;
import org.prisonwatch.api.ProblemType;
import org.prisonwatch.api.Upserted;
import org.prisonwatch.api.VersionedView;
import org.prisonwatch.caserecord.VersionedEntity;

/**
 * POST /{collection}/by-ref with application/x-ndjson: many by-reference upserts in one request, each line applied
 * exactly as PUT …/by-ref/{externalRef} applies one (the same rules, the same journal, the same gate), in chunks of
 * {@code prisonwatch.bulk.chunk-lines}, each chunk one transaction. A line that is refused is answered with its
 * problem and leaves nothing behind; the chunk is applied again without it, so its other lines still land, and a
 * failure that belongs to no line rolls the whole chunk back. Results stream out as each chunk commits, so a
 * "created" line is already stored when the client reads it, and memory stays bounded whatever the request's size.
 * Repeating a request is a no-op line by line (unchanged), so bulk takes no Idempotency-Key.
 */
@ApplicationScoped
public class BulkUpserts {

    public static final String MEDIA_TYPE = "application/x-ndjson";

    /** How every bulk operation behaves, for its OpenAPI description. */
    public static final String RULES = "For partner systems loading whole datasets. The body is application/x-ndjson, "
            + "one {\"externalRef\", \"ifMatch\"?, \"record\"} per line, each applied as PUT …/by-ref/{externalRef} "
            + "would apply it (If-Match only to change an existing record). The answer streams application/x-ndjson, "
            + "one {\"line\", \"externalRef\", \"status\", \"outcome\", \"id\", \"version\", \"problem\"} per non-blank "
            + "line, as each chunk of lines commits; a refused line is answered with its problem and writes nothing. "
            + "Sending the same lines again changes nothing (outcome unchanged), so no Idempotency-Key is taken "
            + "(400 if sent). The body may be larger than a single write's, up to PRISONWATCH_BULK_MAX_BODY_SIZE.";

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    ByReferenceUpserts byReference;

    @Inject
    ProblemResponses problems;

    @ConfigProperty(name = "prisonwatch.bulk.chunk-lines")
    int chunkLines;

    @ConfigProperty(name = "prisonwatch.max-body-size")
    MemorySize maxLine;

    /** A line read and checked, ready to apply; or refused before any transaction. */
    private record Parsed<I>(long line, String externalRef, String ifMatch, I input, Problem problem) {
    }

    /** The streamed answer to a bulk request; refuses an Idempotency-Key before reading a byte. */
    public <E extends VersionedEntity, I, V> Response respond(RecordService<E, I, V> service,
            String idempotencyKey, InputStream body, HttpServerRequest request) {
        if (idempotencyKey != null) {
            throw ProblemException.invalidParameter("Idempotency-Key", "is not taken by a bulk request: sending the "
                    + "same lines again already changes nothing");
        }
        StreamingOutput answer = out -> {
            Writer results = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            NdjsonLines reader = new NdjsonLines(body, maxLine.asLongValue());
            List<Parsed<I>> chunk = new ArrayList<>(chunkLines);
            NdjsonLines.Line line;
            while ((line = reader.next()) != null) {
                if (line.text().isBlank() && !line.tooLong() && !line.notUtf8()) {
                    continue;
                }
                chunk.add(parse(service, line, request));
                if (chunk.size() == chunkLines) {
                    write(results, apply(service, chunk, request));
                    chunk.clear();
                }
            }
            write(results, apply(service, chunk, request));
            results.flush();
        };
        return Response.ok(answer, MEDIA_TYPE).build();
    }

    private void write(Writer results, List<BulkResult> chunk) throws IOException {
        for (BulkResult result : chunk) {
            results.write(mapper.writeValueAsString(result));
            results.write('\n');
        }
        results.flush();
    }

    private <E extends VersionedEntity, I, V> Parsed<I> parse(RecordService<E, I, V> service, NdjsonLines.Line line,
            HttpServerRequest request) {
        if (line.tooLong()) {
            return refused(line.number(), null, new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "Line "
                    + line.number() + " is over the limit of a single write, " + maxLine.asLongValue() + " bytes"),
                    request);
        }
        if (line.notUtf8()) {
            return refused(line.number(), null, new ProblemException(ProblemType.MALFORMED_JSON, "Line "
                    + line.number() + " is not UTF-8"), request);
        }
        BulkLine read;
        try {
            read = mapper.readValue(line.text(), BulkLine.class);
        } catch (JsonProcessingException e) {
            return refused(line.number(), null, e, request);
        }
        List<FieldError> missing = new ArrayList<>();
        if (read.externalRef() == null) {
            missing.add(new FieldError(RecordService.EXTERNAL_REF_FIELD, "must not be null"));
        }
        if (read.record() == null) {
            missing.add(new FieldError("record", "must be an object"));
        }
        if (!missing.isEmpty()) {
            return refused(line.number(), read.externalRef(), new ProblemException(ProblemType.VALIDATION,
                    "The line has " + missing.size() + " invalid field" + (missing.size() == 1 ? "" : "s"),
                    missing), request);
        }
        try {
            I input = mapper.convertValue(read.record(), service.kind().inputType());
            Set<ConstraintViolation<I>> violations = validator.validate(input);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return new Parsed<>(line.number(), read.externalRef(), read.ifMatch(), input, null);
        } catch (IllegalArgumentException | ConstraintViolationException e) {
            // convertValue's IllegalArgumentException carries Jackson's own failure, which names the field
            Parsed<I> refused = refused(line.number(), read.externalRef(), e, request);
            return new Parsed<>(refused.line(), refused.externalRef(), null, null, inRecord(refused.problem()));
        }
    }

    /** The line's field errors, named from the line (record.title) rather than from the record alone. */
    private static Problem inRecord(Problem problem) {
        if (problem.errors() == null) {
            return problem;
        }
        List<FieldError> errors = problem.errors().stream()
                .map(error -> new FieldError("record." + error.field(), error.message())).toList();
        return new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), problem.instance(),
                errors, problem.referencedBy());
    }

    private <I> Parsed<I> refused(long line, String externalRef, Throwable failure, HttpServerRequest request) {
        return new Parsed<>(line, externalRef, null, null, problemOf(failure, request));
    }

    private Problem problemOf(Throwable failure, HttpServerRequest request) {
        Problem problem = problems.problemOf(failure, request);
        if (problem == null) {
            // not the caller's failure: the request fails as any other would, its earlier chunks committed
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return problem;
    }

    /**
     * Applies a chunk's lines in one transaction and answers every line, in order. A line refused inside the
     * transaction rolls it back; the chunk is applied again without that line, so at most one attempt per line.
     */
    private <E extends VersionedEntity, I, V> List<BulkResult> apply(
            RecordService<E, I, V> service, List<Parsed<I>> chunk, HttpServerRequest request) {
        BulkResult[] answered = new BulkResult[chunk.size()];
        for (int i = 0; i < chunk.size(); i++) {
            Parsed<I> parsed = chunk.get(i);
            if (parsed.problem() != null) {
                answered[i] = BulkResult.refused(parsed.line(), parsed.externalRef(), parsed.problem());
            }
        }
        int[] current = new int[1];
        while (true) {
            try {
                List<BulkResult> applied = QuarkusTransaction.requiringNew().call(() -> {
                    List<BulkResult> done = new ArrayList<>();
                    for (int i = 0; i < chunk.size(); i++) {
                        if (answered[i] != null) {
                            continue;
                        }
                        current[0] = i;
                        Parsed<I> parsed = chunk.get(i);
                        Upserted<V> upserted = byReference.upsert(service, parsed.externalRef(),
                                quoted(parsed.ifMatch()), service.unicode(parsed.input()));
                        // every collection's views carry their id and version (the HTTP layer's ETag)
                        VersionedView record = (VersionedView) upserted.record();
                        done.add(new BulkResult(parsed.line(), parsed.externalRef(), upserted.created() ? 201 : 200,
                                upserted.created() ? "created" : upserted.changed() ? "replaced" : "unchanged",
                                record.id(), record.version(), null));
                    }
                    current[0] = -1;
                    return done;
                });
                int next = 0;
                for (int i = 0; i < chunk.size(); i++) {
                    if (answered[i] == null) {
                        answered[i] = applied.get(next++);
                    }
                }
                return List.of(answered);
            } catch (RuntimeException e) {
                Problem problem = problemOf(e, request);
                if (current[0] < 0) {
                    // at commit, after every line had passed: no line to blame, so none of them is written
                    for (int i = 0; i < chunk.size(); i++) {
                        if (answered[i] == null) {
                            answered[i] = BulkResult.refused(chunk.get(i).line(), chunk.get(i).externalRef(), problem);
                        }
                    }
                    return List.of(answered);
                }
                Parsed<I> failed = chunk.get(current[0]);
                answered[current[0]] = BulkResult.refused(failed.line(), failed.externalRef(), problem);
            }
        }
    }

    /** An ifMatch may be sent bare (3) or as the header's ETag ("3"). */
    private static String quoted(String ifMatch) {
        if (ifMatch == null || ifMatch.startsWith("\"") || ifMatch.startsWith("W/") || ifMatch.equals("*")) {
            return ifMatch;
        }
        return "\"" + ifMatch + "\"";
    }
}
