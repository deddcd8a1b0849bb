package org.prisonwatch.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.prisonwatch.api.Keyset;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.Slice;
import org.prisonwatch.api.SortKey;
import org.prisonwatch.caserecord.ProtectedEntity;
import org.prisonwatch.caserecord.RecordKind;
import org.prisonwatch.caserecord.VersionedEntity;
import org.prisonwatch.gate.RecordGate;
import org.prisonwatch.journal.RecordVersion;
import org.prisonwatch.journal.WriteJournal;

/**
 * GET /{collection}/{id}/history: the versions of a live record the caller may see, oldest first, each rendered
 * through the gate as the record was then. A version the caller may not see (say, while it was CONFIDENTIAL) is
 * left out.
 */
@ApplicationScoped
public class RecordHistory {

    @Inject
    WriteJournal journal;

    @Inject
    RecordGate gate;

    @Inject
    ObjectMapper mapper;

    /** A record's versions, by version number; each record's history has cursors of its own. */
    private static final Keyset<RecordVersion> VERSIONS = Keyset.byNumber(RecordVersion.class,
            SortKey.intNumber("version", v -> v.version));

    <E extends VersionedEntity, I, V> Page<V> page(RecordKind<E, I, V> kind, E current, PageParams page) {
        Slice<RecordVersion> rows = journal.versions(VERSIONS.scopedTo(kind.storedName() + "/" + current.id),
                kind.storedName(), current.id, page.cursor, page.limitOrDefault());
        List<E> versions = new ArrayList<>(rows.rows().size());
        for (RecordVersion row : rows.rows()) {
            versions.add(asOf(kind, current, row));
        }
        List<V> items = gate.showPast(kind.renderer(), versions).stream().filter(Objects::nonNull).toList();
        return new Page<>(items, rows.more() ? rows.next() : null);
    }

    /** A detached copy of the record as it was in the given version; never persisted. */
    private <E extends VersionedEntity, I> E asOf(RecordKind<E, I, ?> kind, E current, RecordVersion row) {
        E then = kind.newEntity().get();
        try {
            kind.copy().accept(mapper.readValue(row.snapshot, kind.inputType()), then);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored version could not be read", e);
        }
        then.id = current.id;
        then.version = row.version;
        then.createdAt = current.createdAt;
        then.updatedAt = row.recordedAt;
        if (then instanceof ProtectedEntity copy && current instanceof ProtectedEntity live) {
            copy.submittedBy = live.submittedBy;
        }
        return then;
    }
}
