package org.prisonwatch.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.prisonwatch.access.Audience;
import org.prisonwatch.change.ChangedEntity;
import org.prisonwatch.collection.RecordService;
import org.prisonwatch.gate.GatedRecord;
import org.prisonwatch.gate.RecordGate;
import org.prisonwatch.security.ApiKey;

/**
 * The deliveries in the database, as workers on every instance share them: claimed for a lease with
 * {@code FOR UPDATE SKIP LOCKED} (so two instances never claim one delivery, and neither waits on the other), only
 * the oldest pending delivery of each subscription (so each target gets its events in commit order), and settled
 * after the attempt only by the worker that still holds the claim.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final Logger LOG = Logger.getLogger(DeliveryQueue.class);

    /**
     * Due deliveries of enabled subscriptions with no earlier pending delivery of their own, whose claim (if any)
     * has lapsed. A delivery waiting for its retry holds back its subscription's later ones.
     */
    private static final String DUE = "select d.id from webhook_delivery d where d.status = 'PENDING' "
            + "and d.next_attempt_at <= :now and (d.claimed_until is null or d.claimed_until < :now) "
            + "and exists (select 1 from webhook_subscription s where s.id = d.subscription_id and s.enabled = true) "
            + "and not exists (select 1 from webhook_delivery e where e.subscription_id = d.subscription_id "
            + "and e.status = 'PENDING' and e.position < d.position) "
            + "order by d.next_attempt_at, d.position limit :limit for update skip locked";

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RecordGate gate;

    @Inject
    SigningSecrets signing;

    @Inject
    ObjectMapper mapper;

    @Inject
    @All
    List<RecordService<?, ?, ?>> services;

    /**
     * Whether any delivery is due, asked on every poll of every instance: one index probe, through plain JDBC so
     * that the poll stays out of Hibernate's statement counts (which tests read to hold pages to their queries).
     */
    public boolean anythingDue(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement due = connection.prepareStatement("select 1 from webhook_delivery d "
                        + "where d.status = 'PENDING' and d.next_attempt_at <= ? and exists (select 1 from "
                        + "webhook_subscription s where s.id = d.subscription_id and s.enabled = true) "
                        + "fetch first 1 rows only")) {
            due.setObject(1, now.atOffset(ZoneOffset.UTC));
            try (ResultSet found = due.executeQuery()) {
                return found.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look for due webhook deliveries", e);
        }
    }

    /**
     * Claims up to {@code limit} due deliveries until {@code now + lease}, each with the body to send now: the
     * stored event, unless it carries a record the subscriber may no longer see, which goes as record.deleted.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> claim(String worker, Instant now, Duration lease, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery(DUE).setParameter("now", now).setParameter("limit", limit)
                .getResultList();
        if (found.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = found.stream().map(DeliveryQueue::uuid).toList();
        em.createQuery("update Delivery d set d.claimedUntil = :until, d.claimedBy = :worker where d.id in :ids")
                .setParameter("until", now.plus(lease)).setParameter("worker", worker).setParameter("ids", ids)
                .executeUpdate();
        List<Delivery> deliveries = em.createQuery("select d from Delivery d where d.id in :ids", Delivery.class)
                .setParameter("ids", ids).getResultList();
        Map<UUID, Subscription> subscriptions = em.createQuery("select s from Subscription s where s.id in :ids",
                        Subscription.class)
                .setParameter("ids", deliveries.stream().map(d -> d.subscriptionId).distinct().toList())
                .getResultStream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<Claim> claims = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            Subscription subscription = subscriptions.get(delivery.subscriptionId);
            if (delivery.entity != null && !Subscriptions.covers(subscription, delivery.entity)) {
                // queued before the subscription was narrowed: it no longer asks for this kind
                delivery.status = DeliveryStatus.CANCELLED;
                delivery.finishedAt = now;
                delivery.claimedBy = null;
                delivery.claimedUntil = null;
                continue;
            }
            boolean revoked = keyRevoked(subscription);
            String sentAs = revoked || stillVisible(subscription, delivery) ? delivery.eventType
                    : WebhookEvent.DELETED;
            String body = sentAs.equals(delivery.eventType) ? delivery.payload : withdrawn(delivery);
            claims.add(new Claim(delivery.id, delivery.webhookId(), subscription.id, subscription.url,
                    revoked ? List.of() : signingSecrets(subscription, now), sentAs, body, delivery.attempts + 1,
                    revoked));
        }
        return claims;
    }

    /**
     * Settles an attempt: logged in any case, and the delivery moved on (delivered, due again later, or failed
     * with its subscription disabled) only if this worker's claim still stands.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Instant settle(Claim claim, String worker, WebhookSender.Outcome outcome, Instant now,
            List<Duration> schedule) {
        // locked, so that a subscription deleted meanwhile takes its deliveries with it before or after, not during
        Delivery delivery = em.find(Delivery.class, claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return null;
        }
        em.persist(Attempt.of(claim.deliveryId(), claim.attempt(), claim.sentAs(), outcome, now));
        if (delivery.status != DeliveryStatus.PENDING || !worker.equals(delivery.claimedBy)) {
            return null;
        }
        delivery.attempts++;
        delivery.claimedBy = null;
        delivery.claimedUntil = null;
        if (outcome.succeeded()) {
            delivery.status = DeliveryStatus.DELIVERED;
            delivery.finishedAt = now;
            return null;
        }
        delivery.scheduleStep++;
        if (outcome.gone() || delivery.scheduleStep >= schedule.size()) {
            delivery.status = DeliveryStatus.FAILED;
            delivery.finishedAt = now;
            disable(delivery.subscriptionId, outcome.gone() ? "the target answered 410 Gone"
                    : "the last " + schedule.size() + " attempts of delivery " + delivery.webhookId() + " failed", now);
            return null;
        }
        delivery.nextAttemptAt = now.plus(schedule.get(delivery.scheduleStep));
        return delivery.nextAttemptAt;
    }

    /**
     * A subscription whose key was revoked stops: its pending deliveries are never sent. Done when the key is
     * revoked ({@link Subscriptions}); a claim made while that revocation commits finds it here and does it too.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void cancel(Claim claim, Instant now) {
        stop(claim.subscriptionId(), now);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void stop(UUID subscriptionId, Instant now) {
        em.createQuery("update Delivery d set d.status = :cancelled, d.finishedAt = :now, d.claimedBy = null, "
                        + "d.claimedUntil = null where d.subscriptionId = :sub and d.status = :pending")
                .setParameter("cancelled", DeliveryStatus.CANCELLED).setParameter("now", now)
                .setParameter("sub", subscriptionId).setParameter("pending", DeliveryStatus.PENDING)
                .executeUpdate();
        disable(subscriptionId, REVOKED, now);
    }

    static final String REVOKED = "its API key was revoked";

    /** Whether the key whose audience the subscription renders for has been revoked: then nothing goes to it. */
    boolean keyRevoked(Subscription subscription) {
        return subscription.apiKeyId != null && em.find(ApiKey.class, subscription.apiKeyId).revokedAt != null;
    }

    /** The secrets deliveries are signed with now: the current one, and the one before it during its grace. */
    List<String> signingSecrets(Subscription subscription, Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(signing.open(subscription.secret));
        if (subscription.previousSecret != null && subscription.previousSecretUntil != null
                && subscription.previousSecretUntil.isAfter(now)) {
            secrets.add(signing.open(subscription.previousSecret));
        }
        return secrets;
    }

    private void disable(UUID subscriptionId, String reason, Instant now) {
        Subscription subscription = em.find(Subscription.class, subscriptionId);
        if (subscription != null && (subscription.enabled || REVOKED.equals(reason))) {
            subscription.enabled = false;
            subscription.disabledReason = reason;
            subscription.updatedAt = now;
            LOG.warnf("Webhook %s to %s disabled: %s", subscription.id, subscription.url, reason);
        }
    }

    private boolean stillVisible(Subscription subscription, Delivery delivery) {
        if (!WebhookEvent.UPSERTED.equals(delivery.eventType)) {
            return true;
        }
        String storedName = ChangedEntity.valueOf(delivery.entity).storedName();
        Audience audience = Subscriptions.audienceOf(subscription);
        for (RecordService<?, ?, ?> service : services) {
            if (service.kind().storedName().equals(storedName)) {
                GatedRecord now = service.standing(delivery.entityId);
                return now != null && gate.visibleTo(audience, now);
            }
        }
        throw new IllegalStateException("no collection stores " + storedName);
    }

    /** The event as a deletion: what a subscriber hears of a record withdrawn from it since the event. */
    private String withdrawn(Delivery delivery) {
        return new WebhookEvent(WebhookEvent.DELETED, delivery.createdAt,
                new WebhookEvent.Data(delivery.entity, delivery.entityId, delivery.recordVersion, null)).json(mapper);
    }

    /** A uuid column as the driver hands it over: PostgreSQL's as a UUID, H2's (in a native query) as its bytes. */
    private static UUID uuid(Object value) {
        if (value instanceof byte[] bytes) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
