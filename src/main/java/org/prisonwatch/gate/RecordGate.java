package org.prisonwatch.gate;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.prisonwatch.access.Audience;
import org.prisonwatch.access.Callers;
import org.prisonwatch.api.HeldRows;
import org.prisonwatch.api.Page;
import org.prisonwatch.audit.AuditLog;

/**
 * The one way records leave the service. For each record it decides what the caller may get (which records are
 * visible, and whether identifying data comes with them), has the collection's renderer build that response, and
 * appends a READ entry to the audit log for every response that carries identifying data. Reads, lists, nested
 * lists, history, the change feed, by-reference answers and idempotent replays all pass through here; no mapper,
 * service or resource decides redaction on its own.
 */
@ApplicationScoped
public class RecordGate {

    @Inject
    Callers callers;

    @Inject
    AuditLog audit;

    @Inject
    RenderedViews rendered;

    @Inject
    HeldRecords held;

    /** Whether the current caller may see this record at all. */
    public boolean visible(GatedRecord record) {
        return visible(callers.audience(), record);
    }

    /** The record for the current caller, who must be allowed to see it. */
    public <E extends GatedRecord, V> V show(Renderer<E, V> renderer, E record) {
        return showAll(renderer, List.of(record)).get(0);
    }

    /** Records the current caller may see, each rendered for them; their identifying reads audited at once. */
    public <E extends GatedRecord, V> List<V> showAll(Renderer<E, V> renderer, List<E> records) {
        Audience audience = callers.audience();
        if (!records.stream().allMatch(record -> visible(audience, record))) {
            // every path filters before it renders; reaching here is a bug that must not become a leak
            throw new IllegalStateException("a record hidden from the caller reached the gate");
        }
        return showCurrent(renderer, records);
    }

    /**
     * One record by id for the current caller. Answered from memory when this instance holds the record's facts
     * and a render for the caller's disclosure ({@link HeldRecords}): visibility, disclosure and the audit of an
     * identifying read are decided here all the same. Otherwise {@code load} reads it, refusing as a missing
     * record one that is deleted or hidden from the caller, and what it read is held for the next reader.
     */
    public <E extends GatedRecord, V> V showOne(Renderer<E, V> renderer, UUID id, Supplier<E> load) {
        Audience audience = callers.audience();
        GatedRecord facts = held.fresh(renderer, id);
        if (facts != null && visible(audience, facts)) {
            V view = rendered.kept(renderer, facts, disclosure(audience, facts));
            if (view != null) {
                auditIdentifyingReads(List.of(view));
                held.answered(true);
                return view;
            }
        }
        long since = held.generation();
        E record = load.get();
        V view = show(renderer, record);
        if (rendered.keepsRendersNow()) {
            held.hold(renderer, record, since);
        }
        held.answered(false);
        return view;
    }

    /**
     * Records known by their gating facts alone (a narrow read of a page's rows), rendered for the current caller
     * from the renders this instance keeps, and their identifying reads audited as {@link #showAll} would: or null
     * when a render is not kept (or a record is hidden, which a list's own filter should have left out), so that
     * the caller reads the rows whole and shows them through {@link #showPage}. Exact as the renders are: a kept
     * render is of the very version the facts were read at.
     */
    public <V> List<V> showKept(Renderer<?, V> renderer, List<? extends GatedRecord> facts) {
        Map<UUID, V> kept = keptViews(renderer, facts);
        if (kept == null || kept.size() != facts.size()) {
            return null;
        }
        List<V> views = new ArrayList<>(kept.values());
        auditIdentifyingReads(views);
        return views;
    }

    /**
     * Of records known by their gating facts alone, those the current caller may see and whose render for them
     * this instance keeps, rendered and by id, their identifying reads audited; the rest are left out, for the
     * caller to read whole and show through {@link #showCurrent} (which also decides the hidden ones). For the
     * change feed, whose pages mix records read before with records never read.
     */
    public <V> Map<UUID, V> showKeptOf(Renderer<?, V> renderer, List<? extends GatedRecord> facts) {
        Map<UUID, V> kept = keptViews(renderer, facts);
        if (kept == null) {
            return Map.of();
        }
        auditIdentifyingReads(kept.values());
        return kept;
    }

    /** Kept renders of the visible records among these, in their order; null when renders are not kept now. */
    private <V> Map<UUID, V> keptViews(Renderer<?, V> renderer, List<? extends GatedRecord> facts) {
        if (!rendered.keepsRendersNow()) {
            return null;
        }
        Audience audience = callers.audience();
        Map<UUID, V> views = new LinkedHashMap<>();
        for (GatedRecord record : facts) {
            V view = visible(audience, record) ? rendered.kept(renderer, record, disclosure(audience, record)) : null;
            if (view != null) {
                views.put(record.id(), view);
            }
        }
        return views;
    }

    /**
     * Where a list reads the gating facts it hands to {@link #showKept}: held by this instance between identical
     * reads while no write has been heard of ({@link HeldRecords}).
     */
    public HeldRows heldRows() {
        return held;
    }

    /** Whether {@link #showKept} can answer now: renders are kept (and the caller is outside a transaction). */
    public boolean keepsRenders() {
        return rendered.keepsRendersNow();
    }

    /**
     * The record as a given audience would get it now, rendered afresh (never reused: it may be a write not yet
     * committed), or null when that audience may not see it. For pushes to a subscriber, who is not the caller; an
     * identifying read is audited as for any caller.
     */
    public <E extends GatedRecord, V> V showTo(Audience audience, Renderer<E, V> renderer, E record) {
        if (!visible(audience, record)) {
            return null;
        }
        V view = renderer.render(record, disclosure(audience, record));
        auditIdentifyingReads(List.of(view));
        return view;
    }

    /** Whether a given audience, who need not be the caller (a subscriber), may see this record now. */
    public boolean visibleTo(Audience audience, GatedRecord record) {
        return visible(audience, record);
    }

    public <E extends GatedRecord, V> Page<V> showPage(Renderer<E, V> renderer, Page<E> page) {
        return new Page<>(showAll(renderer, page.items()), page.nextCursor());
    }

    /**
     * Records as they are now, each rendered for the caller when they may see it, else null (the change feed
     * reports such records as deleted). Renders are reused while a record keeps its version ({@link RenderedViews}).
     */
    public <E extends GatedRecord, V> List<V> showCurrent(Renderer<E, V> renderer, List<E> records) {
        return show(renderer, records, Renders.REUSED_AND_KEPT);
    }

    /**
     * As {@link #showCurrent}, but the renders made here are not kept: for a scan through many records read once (a
     * change-feed catch-up), whose renders would only push out those that reads of single records and pages keep,
     * at more cost than they return. Renders already kept are still reused.
     */
    public <E extends GatedRecord, V> List<V> showScanned(Renderer<E, V> renderer, List<E> records) {
        return show(renderer, records, Renders.REUSED);
    }

    /**
     * Past versions of a record, each rendered for the caller when they may see it, else null (history leaves
     * such versions out). Never reused: erasure rewrites past versions without renumbering them.
     */
    public <E extends GatedRecord, V> List<V> showPast(Renderer<E, V> renderer, List<E> versions) {
        return show(renderer, versions, Renders.MADE_AFRESH);
    }

    /** How {@link #show} uses the renders {@link RenderedViews} keeps. */
    private enum Renders {
        REUSED_AND_KEPT, REUSED, MADE_AFRESH
    }

    private <E extends GatedRecord, V> List<V> show(Renderer<E, V> renderer, List<E> records, Renders renders) {
        Audience audience = callers.audience();
        List<V> views = new ArrayList<>(records.size());
        for (E record : records) {
            if (!visible(audience, record)) {
                views.add(null);
                continue;
            }
            Disclosure disclosure = disclosure(audience, record);
            views.add(switch (renders) {
                case REUSED_AND_KEPT -> rendered.render(renderer, record, disclosure, true);
                case REUSED -> rendered.render(renderer, record, disclosure, false);
                case MADE_AFRESH -> renderer.render(record, disclosure);
            });
        }
        auditIdentifyingReads(views);
        return views;
    }

    /** Whether the caller may read the identifying data of this record: a choice only the gate makes. */
    public boolean identifying(GatedRecord record) {
        return disclosure(callers.audience(), record).identifying();
    }

    /**
     * A stored response handed back again (an idempotent replay). It was rendered by this gate for this caller
     * when it was first sent; sent again, its identifying data is read again, so the read is audited again.
     */
    public void replayed(JsonNode body) {
        if (body == null || !body.isObject() || !body.hasNonNull("id")) {
            return;
        }
        for (IdentifyingField field : IdentifyingField.values()) {
            if (field.carriedBy(body)) {
                audit.recordReads(field.read(), field.entity().storedName(),
                        Map.of(UUID.fromString(body.get("id").asText()), body.path("version").asInt()));
            }
        }
    }

    private static boolean visible(Audience audience, GatedRecord record) {
        return record.confidentiality() == null || audience.maySee(record.confidentiality(), record.submittedBy());
    }

    private static Disclosure disclosure(Audience audience, GatedRecord record) {
        return audience.mayReadIdentifyingDataOf(record.submittedBy()) ? Disclosure.IDENTIFYING
                : Disclosure.REDACTED;
    }

    private void auditIdentifyingReads(Collection<?> views) {
        Map<IdentifyingField, Map<UUID, Integer>> reads = new LinkedHashMap<>();
        for (Object view : views) {
            if (view instanceof IdentifyingView identifying && identifying.identifies()) {
                reads.computeIfAbsent(identifying.identifyingField(), f -> new LinkedHashMap<>())
                        .put(identifying.id(), identifying.version());
            }
        }
        reads.forEach((field, shown) -> audit.recordReads(field.read(), field.entity().storedName(), shown));
    }
}
