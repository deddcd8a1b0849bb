package org.prisonwatch.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prisonwatch.api.FieldError;
import org.prisonwatch.api.Problem;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemResponses;
import org.prisonwatch.api.ProblemType;
import org.prisonwatch.armedinmate.ArmedInmateReportService;
import org.prisonwatch.casualty.CasualtyService;
import org.prisonwatch.collection.RecordCreated;
import org.prisonwatch.collection.RecordService;
import org.prisonwatch.incident.IncidentService;
import org.prisonwatch.source.SourceService;

/**
 * Applies an opened submission: each write is the POST to its collection (the same validation, rules, journal and
 * problems), all in one transaction, so a refusal of any leaves none made.
 */
@ApplicationScoped
public class SubmissionWrites {

    private static final Pattern EARLIER = Pattern.compile("#(0|[1-9][0-9]{0,2})");
    /** Stands in for ids not yet made while the writes are checked. */
    private static final UUID NOT_YET_MADE = new UUID(0, 0);

    @Inject
    ProblemResponses problems;

    @Inject
    SourceService sources;

    @Inject
    IncidentService incidents;

    @Inject
    ArmedInmateReportService reports;

    @Inject
    CasualtyService casualties;

    /** Checks every write before any is made, so that a refusal names every bad field of the submission at once. */
    public void check(Submission submission, HttpServerRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < submission.writes().size(); i++) {
            SubmittedWrite write = submission.writes().get(i);
            String at = "writes[" + i + "].record";
            List<FieldError> wrongReferences = new ArrayList<>();
            ObjectNode record = resolved(write.record(), submission, i, null, at, wrongReferences);
            errors.addAll(wrongReferences);
            try {
                service(write.collection()).inputFrom(record);
            } catch (IllegalArgumentException | ConstraintViolationException e) {
                errors.addAll(within(at, problemOf(e, request)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The submission has " + errors.size() + " invalid field"
                    + (errors.size() == 1 ? "" : "s"), errors);
        }
    }

    /** Makes the checked writes in order, each referring to those before it by their new ids. */
    @Transactional
    public SubmissionReceipt apply(Submission submission, HttpServerRequest request) {
        List<UUID> made = new ArrayList<>();
        List<SubmissionReceipt.Written> written = new ArrayList<>();
        for (int i = 0; i < submission.writes().size(); i++) {
            SubmittedWrite write = submission.writes().get(i);
            String at = "writes[" + i + "].record";
            ObjectNode record = resolved(write.record(), submission, i, made, at, new ArrayList<>());
            RecordCreated created;
            try {
                created = create(service(write.collection()), record);
            } catch (RuntimeException e) {
                // refused as the POST would be (a reference, a level the caller may not choose), named by write
                Problem problem = problemOf(e, request);
                throw new ProblemException(typeOf(problem), "writes[" + i + "]: " + problem.detail(),
                        within(at, problem));
            }
            made.add(created.id());
            written.add(new SubmissionReceipt.Written(write.collection(), created.id(), created.version(),
                    write.collection().path() + "/" + created.id()));
        }
        return new SubmissionReceipt(written);
    }

    private static ProblemType typeOf(Problem problem) {
        for (ProblemType type : ProblemType.values()) {
            if (type.uri().equals(problem.type())) {
                return type;
            }
        }
        return ProblemType.VALIDATION;
    }

    private RecordService<?, ?, ?> service(SubmittedCollection collection) {
        return switch (collection) {
            case SOURCES -> sources;
            case INCIDENTS -> incidents;
            case ARMED_INMATE_REPORTS -> reports;
            case CASUALTIES -> casualties;
        };
    }

    private static <I> RecordCreated create(RecordService<?, I, ?> service, ObjectNode record) {
        return service.createUnshown(service.inputFrom(record));
    }

    /**
     * A copy of the record with "#n" in its reference fields (its incidentId, its citations' sourceId) replaced by
     * the id of write n: made (when applying) or a stand-in (when checking). "#n" elsewhere is only text; here it
     * must name an earlier write of the field's collection.
     */
    private ObjectNode resolved(ObjectNode record, Submission submission, int index, List<UUID> made, String at,
            List<FieldError> errors) {
        ObjectNode copy = record.deepCopy();
        resolve(copy, "incidentId", SubmittedCollection.INCIDENTS, at, submission, index, made, errors);
        if (copy.get("citations") instanceof ArrayNode citations) {
            for (int i = 0; i < citations.size(); i++) {
                if (citations.get(i) instanceof ObjectNode citation) {
                    resolve(citation, "sourceId", SubmittedCollection.SOURCES, at + ".citations[" + i + "]",
                            submission, index, made, errors);
                }
            }
        }
        return copy;
    }

    private void resolve(ObjectNode holder, String field, SubmittedCollection expected, String at,
            Submission submission, int index, List<UUID> made, List<FieldError> errors) {
        JsonNode value = holder.get(field);
        Matcher earlier = value != null && value.isTextual() ? EARLIER.matcher(value.asText()) : null;
        if (earlier == null || !earlier.matches()) {
            return;
        }
        int target = Integer.parseInt(earlier.group(1));
        if (target >= index || submission.writes().get(target).collection() != expected) {
            errors.add(new FieldError(at + "." + field, "must name an earlier write of this submission to "
                    + expected.path().substring("/api/v1/".length())));
            // the stand-in keeps the refused "#n" from being refused again as an id that is not a UUID
            holder.put(field, NOT_YET_MADE.toString());
        } else {
            holder.put(field, (made == null ? NOT_YET_MADE : made.get(target)).toString());
        }
    }

    private Problem problemOf(RuntimeException e, HttpServerRequest request) {
        Problem problem = problems.problemOf(e, request);
        if (problem == null) {
            throw e;
        }
        return problem;
    }

    private static List<FieldError> within(String at, Problem problem) {
        return problem.errors() == null ? List.of(new FieldError(at, problem.detail())) : within(at, problem.errors());
    }

    private static List<FieldError> within(String at, List<FieldError> errors) {
        return errors.stream().map(error -> new FieldError(at + "." + error.field(), error.message())).toList();
    }
}
