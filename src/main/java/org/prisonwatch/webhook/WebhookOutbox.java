package org.prisonwatch.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.prisonwatch.access.Audience;
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

    @Override
    public void followed(JournalledWrite<?> write) {
        // disabled subscriptions too: their deliveries wait, in order, until an admin enables them again
        List<Subscription> subscriptions = em.createQuery("select s from Subscription s where "
                + "(s.apiKeyId is null or exists (select k.id from ApiKey k where k.id = s.apiKeyId "
                + "and k.revokedAt is null))", Subscription.class).getResultList();
        if (subscriptions.isEmpty()) {
            return;
        }
        String entity = ChangedEntity.ofStoredName(write.kind().storedName()).name();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        boolean queued = false;
        for (Subscription subscription : subscriptions) {
            if (!Subscriptions.covers(subscription, entity)) {
                continue;
            }
            Audience audience = Subscriptions.audienceOf(subscription);
            Object view = viewFor(audience, write);
            String type = view != null ? WebhookEvent.UPSERTED
                    : write.wasVisibleTo(audience) ? WebhookEvent.DELETED : null;
            if (type == null) {
                continue;
            }
            Delivery delivery = new Delivery();
            delivery.subscriptionId = subscription.id;
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

    private <E extends VersionedEntity> Object viewFor(Audience audience, JournalledWrite<E> write) {
        return write.record().isDeleted() ? null : gate.showTo(audience, write.kind().renderer(), write.record());
    }
}
