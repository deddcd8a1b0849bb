package org.prisonwatch.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.prisonwatch.api.FieldError;
import org.prisonwatch.api.Problem;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemResponses;
import org.prisonwatch.api.ProblemType;
import org.prisonwatch.api.Upserted;
import org.prisonwatch.caserecord.ExternalRef;
import org.prisonwatch.caserecord.VersionedEntity;

/**
 * POST /{collection}/by-ref with application/x-ndjson: many by-reference upserts in one request, each line applied
 * exactly as PUT …/by-ref/{externalRef} applies one (the same rules, the same journal, the same gate), in chunks of
 * {@code prisonwatch.bulk.chunk-lines}, each chunk one transaction. A line that is refused is answered with its
 * problem and leaves nothing behind; the chunk is applied again without it, so its other lines still land, and a
 * failure that belongs to no line rolls the whole chunk back. The body is read a line at a time, so memory stays
 * bounded whatever its size; the answer is sent once it has all been read, so a "created" line is already stored
 * when the client reads it.
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
            + "line (at most PRISONWATCH_BULK_MAX_LINES), once the whole body has been read; a refused line is answered "
            + "with its problem and writes nothing. "
            + "Sending the same lines again changes nothing (outcome unchanged, ifMatch or not), so no Idempotency-Key "
            + "is taken (400 if sent); an answer with fewer lines than were sent was cut short: send them again. The "
            + "body may be larger than a single write's, up to PRISONWATCH_BULK_MAX_BODY_SIZE; each line may not. "
            + "For partners, analysts and administrators.";

    private static final Pattern IF_MATCH = Pattern.compile("\"?[0-9]{1,10}\"?");
    /** A chunk also ends once its lines hold this much text, so that lines near the size limit stay few a chunk. */
    private static final long CHUNK_TEXT = 4L * 1024 * 1024;
    /** A chunk that loses a lock to a concurrent writer (a deadlock) is applied again this many times at most. */
    private static final int LOCK_ATTEMPTS = 3;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    ByReferenceUpserts byReference;

    @Inject
    ProblemResponses problems;

    @ConfigProperty(name = "prisonwatch.bulk.chunk-lines")
    int chunkLines;

    @ConfigProperty(name = "prisonwatch.bulk.max-lines")
    long maxLines;

    @ConfigProperty(name = "prisonwatch.max-body-size")
    MemorySize maxLine;

    /** Settings that would make every bulk request fail are refused at start, where the deployer looks. */
    void checkSettings(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        if (chunkLines < 1 || maxLines < 1) {
            throw new IllegalStateException("PRISONWATCH_BULK_CHUNK_LINES (" + chunkLines + ") and "
                    + "PRISONWATCH_BULK_MAX_LINES (" + maxLines + ") must be at least 1");
        }
    }

    /** A line read and checked, ready to apply; or refused before any transaction. */
    private record Parsed<I>(long line, String externalRef, String ifMatch, I input, Problem problem) {

        BulkResult refused(Problem why) {
            return BulkResult.refused(line, externalRef, why);
        }
    }

    /** The streamed answer to a bulk request; refuses an Idempotency-Key before reading a byte. */
    public <E extends VersionedEntity, I, V> Response respond(RecordService<E, I, V> service,
            String idempotencyKey, InputStream body, HttpServerRequest request) {
        if (idempotencyKey != null) {
            throw ProblemException.invalidParameter("Idempotency-Key", "is not taken by a bulk request: sending the "
                    + "same lines again already changes nothing");
        }
        StreamingOutput answer = out -> {
            // Most HTTP clients send the whole body before they read any of the answer: written as it is made, the
            // answer would fill the connection and stop this side reading, and both would wait. So it is kept until
            // the body has been read (its size bounded by max-lines), then sent.
            ByteArrayOutputStream results = new ByteArrayOutputStream();
            NdjsonLines reader = new NdjsonLines(body, maxLine.asLongValue());
            List<Parsed<I>> chunk = new ArrayList<>(chunkLines);
            long chunkText = 0;
            long answered = 0;
            NdjsonLines.Line line;
            while ((line = reader.next()) != null) {
                if (line.text().isBlank() && !line.tooLong() && !line.notUtf8() || answered >= maxLines) {
                    continue; // past max-lines, the rest of the body is read and left unanswered
                }
                chunk.add(parse(service, line, request));
                answered++;
                chunkText += line.text().length();
                if (chunk.size() >= chunkLines || chunkText >= CHUNK_TEXT) {
                    write(results, apply(service, chunk, request));
                    chunk.clear();
                    chunkText = 0;
                }
            }
            write(results, apply(service, chunk, request));
            results.writeTo(out);
            out.flush();
        };
        return Response.ok(answer, MEDIA_TYPE).build();
    }

    private void write(ByteArrayOutputStream results, List<BulkResult> chunk) throws IOException {
        for (BulkResult result : chunk) {
            mapper.writeValue(results, result);
            results.write('\n');
        }
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
        } else if (!ByReferenceUpserts.wellFormed(read.externalRef())) {
            missing.add(new FieldError(RecordService.EXTERNAL_REF_FIELD, ExternalRef.MESSAGE));
        }
        if (read.ifMatch() != null && !IF_MATCH.matcher(read.ifMatch()).matches()) {
            missing.add(new FieldError("ifMatch", "must be a version, as 3 or \"3\""));
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
            I input = service.inputFrom(read.record());
            return new Parsed<>(line.number(), read.externalRef(), read.ifMatch(), input, null);
        } catch (IllegalArgumentException | ConstraintViolationException e) {
            // convertValue's IllegalArgumentException carries Jackson's own failure, which names the field
            return new Parsed<>(line.number(), read.externalRef(), null, null, inRecord(problemOf(e, request)));
        }
    }

    /** The line's field errors, named from the line (record.title) rather than from the record alone. */
    private static Problem inRecord(Problem problem) {
        if (problem.errors() == null) {
            return problem;
        }
        List<FieldError> errors = problem.errors().stream()
                .map(error -> error.field().startsWith("record.") ? error
                        : new FieldError("record." + error.field(), error.message())).toList();
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
     * Applies a chunk's lines, in one transaction when none is refused, and answers every line in order. A line
     * refused inside the transaction rolls it back; the lines before it are applied again in a transaction of their
     * own and the rest after it, so each good line is attempted at most twice, however many lines are refused. A
     * chunk that loses a lock to a concurrent writer (a deadlock: its lines are many, and another write may hold
     * what one of them needs while waiting for the audit chain this chunk holds) is applied again.
     */
    private <E extends VersionedEntity, I, V> List<BulkResult> apply(RecordService<E, I, V> service,
            List<Parsed<I>> chunk, HttpServerRequest request) {
        BulkResult[] answered = new BulkResult[chunk.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            Parsed<I> parsed = chunk.get(i);
            if (parsed.problem() != null) {
                answered[i] = parsed.refused(parsed.problem());
            } else {
                pending.add(i);
            }
        }
        Deque<List<Integer>> segments = new ArrayDeque<>();
        segments.push(pending);
        int lockLosses = 0;
        while (!segments.isEmpty()) {
            List<Integer> segment = segments.pop();
            if (segment.isEmpty()) {
                continue;
            }
            int[] current = {-1};
            try {
                List<BulkResult> applied = QuarkusTransaction.requiringNew().call(() -> {
                    List<BulkResult> done = new ArrayList<>(segment.size());
                    for (int at = 0; at < segment.size(); at++) {
                        current[0] = at;
                        done.add(applyLine(service, chunk.get(segment.get(at))));
                    }
                    current[0] = -1;
                    return done;
                });
                for (int at = 0; at < segment.size(); at++) {
                    answered[segment.get(at)] = applied.get(at);
                }
            } catch (RuntimeException e) {
                boolean lostALock = ProblemResponses.causedByLockLoss(e);
                if (lostALock && lockLosses++ < LOCK_ATTEMPTS) {
                    segments.push(segment);
                    continue;
                }
                Problem problem = inRecord(problemOf(e, request));
                if (current[0] < 0 || lostALock) {
                    // at commit, or the chunk kept losing locks: no line to blame, so none of them is written
                    segment.forEach(i -> answered[i] = chunk.get(i).refused(problem));
                    continue;
                }
                int failed = segment.get(current[0]);
                answered[failed] = chunk.get(failed).refused(problem);
                segments.push(segment.subList(current[0] + 1, segment.size()));
                segments.push(segment.subList(0, current[0]));
            }
        }
        return List.of(answered);
    }

    /** One line, as its single PUT would apply it; answered with the record's id and version, never rendered. */
    private <E extends VersionedEntity, I, V> BulkResult applyLine(RecordService<E, I, V> service, Parsed<I> parsed) {
        Upserted<E> upserted = byReference.upsert(service, parsed.externalRef(), quoted(parsed.ifMatch()),
                service.unicode(parsed.input()), entity -> entity);
        // written now, so that a failure is this line's and not the next one's
        em.flush();
        E record = upserted.record();
        return new BulkResult(parsed.line(), parsed.externalRef(), upserted.created() ? 201 : 200,
                upserted.created() ? "created" : upserted.changed() ? "replaced" : "unchanged", record.id,
                record.version, null);
    }

    /** An ifMatch may be sent bare (3) or as the header's ETag ("3"). */
    private static String quoted(String ifMatch) {
        return ifMatch == null ? null : "\"" + ifMatch.replace("\"", "") + "\"";
    }
}
