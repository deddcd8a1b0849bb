package org.prisonwatch.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Replays the history of a documentation project as the API would have recorded it: prisons and well-known outlets
 * first, then, incident by incident, new sources, the incident, its casualties, sometimes an armed-inmate report,
 * and now and then an analyst's later edit of a recent incident (verification, classification) or an
 * administrator's deletion of a casualty record. Every write goes through {@link #write} exactly as through
 * journal.WriteJournal (audit entry, version snapshot, feed position), and responses that carry a person or a
 * contact add the READ entry the gate would append.
 *
 * <p>Proportions for N incidents: 60 prisons, about N/5 sources, N/3 armed-inmate reports and 2N casualties. Writes
 * are spread over three years ending an hour before the load, in commit order.
 */
final class Generator {

    /** How many incidents back an edit or deletion may reach: records stay in memory that long. */
    private static final int WINDOW = 64;
    static final int PRISONS = 60;

    private final ObjectMapper json;
    private final Schema schema;
    private final AuditChain chain;
    private final Actors actors;
    private final SplittableRandom random;
    private final Inputs inputs;
    private final int incidents;
    private long clockMs;
    private final long stepMs;

    private final List<UUID> prisons = new ArrayList<>();
    private final List<UUID> publicSources = new ArrayList<>();
    private final List<UUID> sharedSources = new ArrayList<>();
    private final List<UUID> allSources = new ArrayList<>();
    private final Map<UUID, List<UUID>> ownSources = new HashMap<>();
    private final ArrayDeque<List<Generated>> window = new ArrayDeque<>();
    private final Manifest manifest;

    /** The API keys that write: their ids are the records' submitters and the audit entries' actors. */
    record Actors(UUID admin, List<UUID> analysts, List<UUID> reporters, List<UUID> partners) {
    }

    Generator(ObjectMapper json, Schema schema, AuditChain chain, Actors actors, long seed, int incidents,
            Instant end, Manifest manifest) {
        this.json = json;
        this.schema = schema;
        this.chain = chain;
        this.actors = actors;
        this.random = new SplittableRandom(seed);
        this.inputs = new Inputs(json, random.split());
        this.incidents = incidents;
        this.manifest = manifest;
        long span = 3L * 365 * 24 * 3600 * 1000;
        long expectedWrites = 4L * incidents + 200;
        this.stepMs = Math.max(1, span / expectedWrites);
        this.clockMs = end.toEpochMilli() - 3600_000 - stepMs * expectedWrites;
    }

    /** Generates everything; after each incident's block, hands control back so the caller can flush. */
    void run(Runnable afterBlock) {
        UUID analyst = actors.analysts().get(0);
        List<Generated> start = new ArrayList<>();
        for (int n = 0; n < PRISONS; n++) {
            Generated prison = create(Kind.PRISON, null, analyst, inputs.prison(n));
            prisons.add(prison.id);
            start.add(prison);
        }
        for (int n = 0; n < Vocabulary.OUTLETS.size(); n++) {
            start.add(source(analyst, true, inputs.outlet(n)));
        }
        window.add(start);
        for (int i = 0; i < incidents; i++) {
            window.add(block(i));
            if (window.size() > WINDOW) {
                window.removeFirst().forEach(this::finish);
            }
            afterBlock.run();
        }
        while (!window.isEmpty()) {
            window.removeFirst().forEach(this::finish);
        }
    }

    private List<Generated> block(int i) {
        List<Generated> block = new ArrayList<>();
        UUID submitter = submitter();
        boolean staff = actors.analysts().contains(submitter);
        boolean partner = actors.partners().contains(submitter);
        if (i % 5 == 0) {
            UUID author = partner ? actors.analysts().get(random.nextInt(actors.analysts().size())) : submitter;
            boolean authorIsStaff = actors.analysts().contains(author);
            boolean contact = random.nextInt(100) < 40;
            block.add(source(author, authorIsStaff, inputs.source(i / 5, authorIsStaff, contact)));
        }
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(clockMs), ZoneOffset.UTC);
        int prisonIndex = random.nextInt(PRISONS);
        UUID prisonId = random.nextInt(100) < 85 ? prisons.get(prisonIndex) : null;
        ObjectNode in = inputs.incident(prisonIndex, prisonId, today, staff, citable(submitter),
                partner ? "partner-" + actors.partners().indexOf(submitter) + ":INC-" + i
                        : !staff && random.nextInt(100) < 30 ? "field-app:inc-" + i : null);
        Generated incident = create(Kind.INCIDENT, submitter, submitter, in);
        block.add(incident);
        manifest.incident(incident);
        int casualties = inputs.weighted(new int[] {15, 25, 25, 20, 15});
        LocalDate occurredFrom = LocalDate.parse(in.get("occurredFrom").asText());
        for (int k = 0; k < casualties; k++) {
            boolean identified = !partner && random.nextInt(100) < 15;
            Generated casualty = create(Kind.CASUALTY, submitter, submitter, inputs.casualty(incident.id,
                    occurredFrom, staff, identified, citable(submitter),
                    partner ? "partner-" + actors.partners().indexOf(submitter) + ":CAS-" + i + "-" + k : null));
            block.add(casualty);
            if (identified) {
                // the create's response shows the person to its staff or reporting submitter: the gate audits it
                read(submitter, "READ_PERSON", casualty);
            }
        }
        if (random.nextInt(3) == 0) {
            UUID reportPrison = prisonId != null ? prisonId : prisons.get(random.nextInt(PRISONS));
            block.add(create(Kind.ARMED_INMATE_REPORT, submitter, submitter, inputs.report(reportPrison,
                    random.nextInt(100) < 60 ? incident.id : null, today, staff, citable(submitter),
                    partner ? "partner-" + actors.partners().indexOf(submitter) + ":AIR-" + i : null)));
        }
        if (random.nextInt(100) < 10 && window.size() > 1) {
            editRecentIncident();
        }
        if (random.nextInt(100) < 1 && window.size() > 1) {
            deleteRecentCasualty();
        }
        return block;
    }

    /** An analyst reviews a recent incident: verifies it further, and now and then publishes or withdraws it. */
    private void editRecentIncident() {
        Generated incident = recent(Kind.INCIDENT);
        if (incident == null) {
            return;
        }
        ObjectNode edited = incident.input.deepCopy();
        edited.put("verificationStatus", inputs.pick(new String[] {"CORROBORATED", "VERIFIED", "DISPUTED"},
                50, 40, 10));
        if (random.nextInt(100) < 10) {
            edited.put("confidentiality", "PUBLIC".equals(incident.confidentiality()) ? "RESTRICTED" : "PUBLIC");
        }
        incident.input = edited;
        incident.version++;
        write(actors.analysts().get(random.nextInt(actors.analysts().size())), "UPDATE", incident, tick());
    }

    /** An administrator deletes a casualty record entered twice, say. */
    private void deleteRecentCasualty() {
        Generated casualty = recent(Kind.CASUALTY);
        if (casualty == null || casualty.deletedAt != null) {
            return;
        }
        Instant at = tick();
        casualty.deletedAt = at;
        casualty.version++;
        write(actors.admin(), "DELETE", casualty, at);
        manifest.deleted(casualty);
    }

    private Generated recent(Kind kind) {
        List<List<Generated>> blocks = new ArrayList<>(window);
        List<Generated> block = blocks.get(1 + random.nextInt(blocks.size() - 1));
        List<Generated> ofKind = block.stream().filter(r -> r.kind == kind).toList();
        return ofKind.isEmpty() ? null : ofKind.get(random.nextInt(ofKind.size()));
    }

    private Generated source(UUID author, boolean staff, ObjectNode in) {
        Generated source = create(Kind.SOURCE, author, author, in);
        String level = source.confidentiality();
        allSources.add(source.id);
        if (!"CONFIDENTIAL".equals(level)) {
            sharedSources.add(source.id);
        }
        if ("PUBLIC".equals(level)) {
            publicSources.add(source.id);
        }
        if (!staff) {
            ownSources.computeIfAbsent(author, a -> new ArrayList<>()).add(source.id);
        }
        if (in.has("contact")) {
            read(author, "READ_CONTACT", source);
        }
        return source;
    }

    /** Sources the submitter may cite: staff any, a partner those not confidential, a reporter public or own. */
    private List<UUID> citable(UUID submitter) {
        if (actors.analysts().contains(submitter)) {
            return allSources;
        }
        List<UUID> own = ownSources.getOrDefault(submitter, List.of());
        if (!own.isEmpty() && random.nextBoolean()) {
            return own;
        }
        return actors.partners().contains(submitter) ? sharedSources : publicSources;
    }

    /** Analysts enter most records, field reporters many, partners some through their sync. */
    private UUID submitter() {
        int roll = random.nextInt(100);
        List<UUID> from = roll < 55 ? actors.analysts() : roll < 90 ? actors.reporters() : actors.partners();
        return from.get(random.nextInt(from.size()));
    }

    private Generated create(Kind kind, UUID submitter, UUID actor, ObjectNode in) {
        Instant at = tick();
        Generated record = new Generated(kind, Ids.v7(at.toEpochMilli(), random), kind == Kind.PRISON ? null
                : submitter, at, in);
        write(actor, "CREATE", record, at);
        return record;
    }

    /** What journal.WriteJournal#recorded does for one write: audit entry, feed position, version snapshot. */
    private void write(UUID actor, String action, Generated record, Instant at) {
        record.updatedAt = at;
        Object[] entry = chain.append(actor, action, record.kind.stored, record.id, record.version, at);
        schema.auditEntry.add(entry);
        record.feed.moved((Long) entry[0], record.deletedAt != null, record.confidentiality());
        schema.recordVersion.add(Ids.v7(at.toEpochMilli(), random), record.kind.stored, record.id, record.version,
                record.updatedAt, record.deletedAt != null, snapshot(record.input));
    }

    /**
     * A response that showed a person or a contact: the service records the read as a pending row and its linker
     * (every PRISONWATCH_AUDIT_LINK_EVERY, 1 s) appends it to the chain with the read's time. The generated writes
     * are further apart than that, so the entry lands right after the write whose response it was.
     */
    private void read(UUID actor, String action, Generated record) {
        schema.auditEntry.add(chain.append(actor, action, record.kind.stored, record.id, record.version,
                record.updatedAt));
    }

    private void finish(Generated record) {
        schema.addFinal(record);
        manifest.finished(record);
    }

    private Instant tick() {
        clockMs += stepMs;
        return Instant.ofEpochMilli(clockMs);
    }

    String snapshot(ObjectNode input) {
        try {
            return json.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
