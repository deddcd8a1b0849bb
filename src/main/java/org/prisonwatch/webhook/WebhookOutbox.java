package org.prisonwatch.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.prisonwatch.access.Audience;
import org.prisonwatch.audit.AuditLog;
import org.prisonwatch.caserecord.VersionedEntity;
import org.prisonwatch.change.ChangedEntity;
import org.prisonwatch.gate.RecordGate;
import org.prisonwatch.journal.JournalledWrite;
import org.prisonwatch.journal.WriteFollower;

/**
 * The outbox: for every write, in its transaction, one delivery per subscription (of a key not revoked; enabled or
 * not, so that one disabled for failures loses nothing while it is down) whose audience may see
 * the record now (record.upserted, rendered by the gate for that audience at this moment and stored) or could see
 * it before this write (record.deleted: it was withdrawn from them). Records a subscriber never saw are never
 * mentioned to it, as in the change feed.
 *
 * <p>The subscriptions are read once per change to them, not once per write: every change to who is pushed writes
 * is audited in its own transaction, and so leaves its mark on the audit head that each write holds locked ({@link
 * AuditLog#pushRecipientsMark}). A write that finds the mark it last read them under reuses that read; otherwise it
 * reads them again. Either way it holds the head's lock, so no change can commit before the write does, and one not
 * yet committed is neither visible to the read nor has moved the mark. A change the service did not make (by hand
 * in SQL, or by an instance of a version before the mark) moves no mark: a read is reused for
 * {@code recipients-max-age} at most, the bound on how long such a change goes unseen.
 */
@ApplicationScoped
public class WebhookOutbox implements WriteFollower {

    @Inject
    EntityManager em;

    @Inject
    RecordGate gate;

    @Inject
    ObjectMapper mapper;

    @Inject
    DeliveryWorker worker;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "prisonwatch.webhooks.recipients-max-age")
    Duration recipientsMaxAge;

    /** Every subscription whose key still stands; package-visible so that tests can count its executions. */
    static final String RECIPIENTS = "select s from Subscription s where (s.apiKeyId is null or exists "
            + "(select k.id from ApiKey k where k.id = s.apiKeyId and k.revokedAt is null))";

    /** The recipients as last read on this instance, with the mark they were read under. */
    private volatile Recipients known;

    /** A subscription as the outbox needs it; {@code entities} as stored (null: every kind). */
    record Recipient(UUID subscriptionId, Audience audience, String entities) {
    }

    private record Recipients(String mark, long readAtNanos, List<Recipient> list) {
    }

    @Override
    public void followed(JournalledWrite<?> write) {
        List<Recipient> recipients = recipients();
        if (recipients.isEmpty()) {
            return;
        }
        String entity = ChangedEntity.ofStoredName(write.kind().storedName()).name();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        boolean queued = false;
        for (Recipient recipient : recipients) {
            if (!Subscriptions.covers(recipient.entities(), entity)) {
                continue;
            }
            Audience audience = recipient.audience();
            Object view = viewFor(audience, write);
            String type = view != null ? WebhookEvent.UPSERTED
                    : write.wasVisibleTo(audience) ? WebhookEvent.DELETED : null;
            if (type == null) {
                continue;
            }
            Delivery delivery = new Delivery();
            delivery.subscriptionId = recipient.subscriptionId();
            delivery.position = write.seq();
            delivery.eventType = type;
            delivery.entity = entity;
            delivery.entityId = write.record().id;
            delivery.recordVersion = write.record().version;
            delivery.payload = new WebhookEvent(type, now,
                    new WebhookEvent.Data(entity, write.record().id, write.record().version, view)).json(mapper);
            delivery.createdAt = now;
            delivery.status = DeliveryStatus.PENDING;
            delivery.nextAttemptAt = now;
            em.persist(delivery);
            queued = true;
        }
        if (queued) {
            worker.wakeAfterCommit();
        }
    }

    /** Called after the write's audit entry, so under the head's lock. */
    private List<Recipient> recipients() {
        String mark = audit.pushRecipientsMark();
        Recipients seen = known;
        long now = System.nanoTime();
        if (seen != null && Objects.equals(seen.mark(), mark)
                && now - seen.readAtNanos() < recipientsMaxAge.toNanos()) {
            return seen.list();
        }
        // disabled subscriptions too: their deliveries wait, in order, until an admin enables them again
        List<Recipient> read = em.createQuery(RECIPIENTS, Subscription.class).getResultList().stream()
                .map(s -> new Recipient(s.id, Subscriptions.audienceOf(s), s.entities)).toList();
        known = new Recipients(mark, now, read);
        return read;
    }

    private <E extends VersionedEntity> Object viewFor(Audience audience, JournalledWrite<E> write) {
        return write.record().isDeleted() ? null : gate.showTo(audience, write.kind().renderer(), write.record());
    }
}
