package org.prisonwatch.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.prisonwatch.access.Audience;
import org.prisonwatch.access.Role;
import org.prisonwatch.api.Filter;
import org.prisonwatch.api.IfMatch;
import org.prisonwatch.api.Keyset;
import org.prisonwatch.api.MergePatch;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemType;
import org.prisonwatch.audit.AuditAction;
import org.prisonwatch.audit.AuditLog;
import org.prisonwatch.audit.AuditedEntity;
import org.prisonwatch.change.ChangedEntity;
import org.prisonwatch.security.ApiKey;
import org.prisonwatch.security.KeyRevoked;

/**
 * Webhook subscriptions: made, changed, rotated and removed by admins; each change in the audit log. The audit
 * entries of making, changing and removing one also tell every instance's outbox to read the subscriptions again
 * ({@link AuditAction#changesPushRecipients}): a new way to change them must record one of those too.
 */
@ApplicationScoped
public class Subscriptions {

    private static final Keyset<Subscription> SUBSCRIPTIONS = new Keyset<>(Subscription.class);
    private static final Keyset<Delivery> DELIVERIES = new Keyset<>(Delivery.class);

    @Inject
    EntityManager em;

    @Inject
    SigningSecrets secrets;

    @Inject
    WebhookTargets targets;

    @Inject
    AuditLog audit;

    @Inject
    DeliveryQueue queue;

    @Inject
    DeliveryWorker worker;

    @Inject
    WebhookSender sender;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @ConfigProperty(name = "prisonwatch.webhooks.secret-grace")
    Duration secretGrace;

    /** The audience a subscription's payloads are rendered for. */
    static Audience audienceOf(Subscription subscription) {
        return subscription.apiKeyId == null ? Audience.ANONYMOUS
                : new Audience(Role.PARTNER, subscription.apiKeyId);
    }

    /** Whether the subscription asked for this kind of record (the feed's entity name). */
    static boolean covers(Subscription subscription, String entity) {
        return covers(subscription.entities, entity);
    }

    /** Whether entities as stored (comma-separated; null for every kind) include this one. */
    static boolean covers(String entities, String entity) {
        return entities == null || Arrays.asList(entities.split(",")).contains(entity);
    }

    @Transactional
    public SubscriptionView create(SubscriptionInput input) {
        targets.accepted("url", input.url());
        if (input.apiKeyId() != null) {
            ApiKey key = em.find(ApiKey.class, input.apiKeyId());
            if (key == null || key.revokedAt != null || key.role != Role.PARTNER) {
                // analysts' and admins' records must never be shipped to an address, and a reporter's key is a
                // person's: only a partner's audience, or the public one, may be subscribed
                throw ProblemException.invalidField("apiKeyId", "must name an active PARTNER key, or be null for "
                        + "the anonymous audience");
            }
        }
        Instant now = now();
        Subscription subscription = new Subscription();
        subscription.url = input.url();
        subscription.apiKeyId = input.apiKeyId();
        subscription.entities = stored(input.entities());
        subscription.enabled = input.enabled() == null || input.enabled();
        String secret = secrets.fresh();
        subscription.secret = secrets.seal(secret);
        subscription.createdAt = now;
        subscription.updatedAt = now;
        em.persist(subscription);
        em.flush();
        audit.record(AuditAction.WEBHOOK_CREATE, AuditedEntity.WEBHOOK.storedName(), subscription.id,
                subscription.version);
        return view(subscription).withSecret(secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SubscriptionView> list(PageParams page) {
        return SUBSCRIPTIONS.page(em, new Filter(), page, Subscriptions::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubscriptionView get(UUID id) {
        return view(found(id));
    }

    /**
     * A merge patch over url, entities and enabled; enabling resumes what the subscription left pending. If-Match
     * is optional (one admin console, not field devices), and checked when sent.
     */
    @Transactional
    public SubscriptionView patch(UUID id, String ifMatch, JsonNode patch) {
        Subscription subscription = found(id);
        if (!IfMatch.isAbsent(ifMatch)) {
            IfMatch.require(ifMatch, subscription.version);
        }
        SubscriptionChange current = new SubscriptionChange(subscription.url, entities(subscription),
                subscription.enabled);
        SubscriptionChange changed = MergePatch.apply(mapper, current, patch, SubscriptionChange.class);
        Set<ConstraintViolation<SubscriptionChange>> violations = validator.validate(changed);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (changed.url() == null || changed.url().isBlank()) {
            throw ProblemException.invalidField("url", "may be changed but not removed");
        }
        if (changed.enabled() == null) {
            throw ProblemException.invalidField("enabled", "may be changed but not removed");
        }
        if (!changed.url().equals(subscription.url)) {
            targets.accepted("url", changed.url());
        }
        if (changed.enabled() && !subscription.enabled && queue.keyRevoked(subscription)) {
            throw new ProblemException(ProblemType.CONFLICT, "This subscription's API key was revoked: it cannot "
                    + "be enabled again. Subscribe another PARTNER key instead.");
        }
        if (changed.equals(current)) {
            return view(subscription);
        }
        subscription.url = changed.url();
        subscription.entities = stored(changed.entities());
        if (changed.enabled() && !subscription.enabled) {
            subscription.disabledReason = null;
            requeueWhatFailedLast(subscription.id);
        }
        subscription.enabled = changed.enabled();
        subscription.updatedAt = now();
        em.flush();
        audit.record(AuditAction.WEBHOOK_UPDATE, AuditedEntity.WEBHOOK.storedName(), subscription.id,
                subscription.version);
        if (subscription.enabled) {
            worker.wakeAfterCommit();
        }
        return view(subscription);
    }

    /** A key revoked: every subscription for its audience stops, in the revoking transaction. */
    void keyRevoked(@Observes KeyRevoked revoked) {
        Instant now = now();
        em.createQuery("select s.id from Subscription s where s.apiKeyId = :key", UUID.class)
                .setParameter("key", revoked.keyId()).getResultList().forEach(id -> queue.stop(id, now));
    }

    /**
     * A subscription is disabled by the failure of its oldest undelivered event (retries run out, or 410), which
     * held back the rest: enabled again, it sends that event first, then the rest, so nothing is lost (a withdrawal
     * included) and the order holds. Failures older than its last delivery were passed over before and stay so.
     */
    private void requeueWhatFailedLast(UUID id) {
        Long lastDelivered = em.createQuery("select max(d.position) from Delivery d where d.subscriptionId = :id "
                + "and d.status = :delivered", Long.class).setParameter("id", id)
                .setParameter("delivered", DeliveryStatus.DELIVERED).getSingleResult();
        em.createQuery("update Delivery d set d.status = :pending, d.scheduleStep = 0, d.nextAttemptAt = :now, "
                        + "d.finishedAt = null where d.subscriptionId = :id and d.status = :failed "
                        + "and d.position > :after")
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("now", now()).setParameter("id", id)
                .setParameter("failed", DeliveryStatus.FAILED)
                .setParameter("after", lastDelivered == null ? Long.MIN_VALUE : lastDelivered).executeUpdate();
    }

    /** Removes the subscription and its delivery log; idempotent. */
    @Transactional
    public void delete(UUID id) {
        Subscription subscription = em.find(Subscription.class, id);
        if (subscription == null) {
            return;
        }
        em.createQuery("delete from Attempt a where a.deliveryId in (select d.id from Delivery d "
                + "where d.subscriptionId = :id)").setParameter("id", id).executeUpdate();
        em.createQuery("delete from Delivery d where d.subscriptionId = :id").setParameter("id", id).executeUpdate();
        em.remove(subscription);
        audit.record(AuditAction.WEBHOOK_DELETE, AuditedEntity.WEBHOOK.storedName(), id, null);
    }

    /**
     * A new secret, shown once. The one it replaces keeps signing beside it (two signatures in webhook-signature)
     * for secret-grace, so the subscriber can switch without missing a delivery. A rotation within that grace
     * replaces the new secret and keeps the old one until its grace ends: the answer to the first may have been
     * lost, and the subscriber still holds the old one.
     */
    @Transactional
    public SubscriptionView rotate(UUID id) {
        Subscription subscription = found(id);
        Instant now = now();
        String secret = secrets.fresh();
        boolean inGrace = subscription.previousSecretUntil != null && subscription.previousSecretUntil.isAfter(now);
        if (!inGrace) {
            subscription.previousSecret = subscription.secret;
            subscription.previousSecretUntil = now.plus(secretGrace);
        }
        subscription.secret = secrets.seal(secret);
        subscription.updatedAt = now;
        em.flush();
        audit.record(AuditAction.WEBHOOK_ROTATE, AuditedEntity.WEBHOOK.storedName(), subscription.id,
                subscription.version);
        return view(subscription).withSecret(secret);
    }

    /** The subscription's deliveries, oldest first, each with its attempts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> deliveries(UUID id, PageParams params) {
        found(id);
        // its cursors continue this subscription's log only
        Page<Delivery> page = DELIVERIES.scopedTo(id.toString()).page(em,
                new Filter().always("e.subscriptionId = :subscription").bind("subscription", id), params, d -> d);
        Map<UUID, List<Attempt>> attempts = attemptsOf(page.items().stream().map(d -> d.id).toList());
        return new Page<>(page.items().stream().map(d -> DeliveryView.of(d, attempts.getOrDefault(d.id, List.of())))
                .toList(), page.nextCursor());
    }

    /**
     * Queues a delivery again, with the same webhook-id and body and its retry schedule started afresh: one that
     * failed, one delivered that the subscriber lost, or one waiting for a later attempt (sent now).
     */
    @Transactional
    public DeliveryView retry(UUID id, UUID deliveryId) {
        found(id);
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null || !delivery.subscriptionId.equals(id)) {
            throw ProblemException.notFound("Delivery");
        }
        if (delivery.position == null) {
            throw new ProblemException(ProblemType.CONFLICT, "A ping is not retried: send another with "
                    + "POST /api/v1/webhooks/" + id + "/ping");
        }
        if (delivery.status == DeliveryStatus.CANCELLED) {
            throw new ProblemException(ProblemType.CONFLICT, "This delivery was cancelled when its subscription's "
                    + "API key was revoked; it is never sent");
        }
        // one waiting for a later attempt is sent now too, unless a worker is sending it at this moment
        if (delivery.status != DeliveryStatus.PENDING || delivery.claimedBy == null) {
            delivery.status = DeliveryStatus.PENDING;
            delivery.scheduleStep = 0;
            delivery.nextAttemptAt = now();
            delivery.finishedAt = null;
        }
        audit.record(AuditAction.WEBHOOK_RETRY, AuditedEntity.WEBHOOK.storedName(), id, null);
        worker.wakeAfterCommit();
        return DeliveryView.of(delivery, attemptsOf(List.of(deliveryId)).getOrDefault(deliveryId, List.of()));
    }

    /** The attempts of these deliveries, each delivery's in order: one query for a page of the log. */
    private Map<UUID, List<Attempt>> attemptsOf(List<UUID> deliveryIds) {
        return deliveryIds.isEmpty() ? Map.of()
                : em.createQuery("select a from Attempt a where a.deliveryId in :ids order by a.attempt",
                                Attempt.class)
                        .setParameter("ids", deliveryIds).getResultStream()
                        .collect(Collectors.groupingBy(a -> a.deliveryId));
    }

    /**
     * Sends a webhook.ping now, signed like any delivery, and answers with how it went; logged as a delivery of
     * its own, never retried, and outside the subscription's queue (it neither waits for nor holds back events).
     */
    public DeliveryView ping(UUID id) {
        Delivery delivery = QuarkusTransaction.requiringNew().call(() -> {
            if (queue.keyRevoked(found(id))) {
                throw new ProblemException(ProblemType.CONFLICT, "This subscription's API key was revoked: "
                        + "nothing is sent to it any more");
            }
            Instant now = now();
            Delivery ping = new Delivery();
            ping.subscriptionId = id;
            ping.eventType = WebhookEvent.PING;
            ping.payload = new WebhookEvent(WebhookEvent.PING, now, new WebhookEvent.Data(null, id, null, null))
                    .json(mapper);
            ping.createdAt = now;
            // never PENDING: no worker may pick it up
            ping.status = DeliveryStatus.FAILED;
            em.persist(ping);
            return ping;
        });
        Subscription subscription = QuarkusTransaction.requiringNew().call(() -> found(id));
        WebhookSender.Outcome outcome = sender.send(subscription.url, queue.signingSecrets(subscription, now()),
                delivery.webhookId(), delivery.payload).join();
        return QuarkusTransaction.requiringNew().call(() -> {
            Delivery settled = em.find(Delivery.class, delivery.id);
            Attempt attempt = Attempt.of(settled.id, 1, WebhookEvent.PING, outcome, now());
            em.persist(attempt);
            settled.attempts = 1;
            settled.status = outcome.succeeded() ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED;
            settled.finishedAt = attempt.attemptedAt;
            return DeliveryView.of(settled, List.of(attempt));
        });
    }

    private Subscription found(UUID id) {
        Subscription subscription = em.find(Subscription.class, id);
        if (subscription == null) {
            throw ProblemException.notFound("Webhook");
        }
        return subscription;
    }

    private static SubscriptionView view(Subscription s) {
        return new SubscriptionView(s.id, s.url, s.apiKeyId, s.apiKeyId == null ? "ANONYMOUS" : Role.PARTNER.name(),
                entities(s), s.enabled, s.disabledReason, s.createdAt, s.updatedAt, s.version,
                s.previousSecretUntil != null && s.previousSecretUntil.isAfter(Instant.now())
                        ? s.previousSecretUntil : null, null);
    }

    private static List<ChangedEntity> entities(Subscription s) {
        return s.entities == null ? null : Arrays.stream(s.entities.split(",")).map(ChangedEntity::valueOf).toList();
    }

    private static String stored(List<ChangedEntity> entities) {
        return entities == null || entities.isEmpty() ? null
                : entities.stream().distinct().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
