package org.prisonwatch.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemType;

/**
 * Signed checkpoints of the audit chain, in the manner of Certificate Transparency's signed tree heads: the service
 * signs the head it has now, and later proves that its chain still extends any head it signed.
 */
@ApplicationScoped
public class AuditCheckpoints {

    @Inject
    EntityManager em;

    @Inject
    CheckpointKey key;

    @Inject
    KeyedHashingMark mark;

    @Inject
    AuditChainVerifier verifier;

    /** Signs the head as it is: a checkpoint vouches for what the chain was, not that it was sound. */
    @Transactional
    public AuditCheckpoint take() {
        Object[] head = em.createQuery("select h.seq, h.hash from AuditHead h where h.id = :id", Object[].class)
                .setParameter("id", AuditHead.ID).getSingleResult();
        long seq = (Long) head[0];
        String hash = (String) head[1];
        long keyedFrom = mark.seq().filter(at -> at <= seq).orElseThrow(() -> new ProblemException(
                ProblemType.CONFLICT, "The audit chain has lost the entry that marks where keyed hashing starts, "
                + "so it has been rewritten: see GET /api/v1/audit/verify, and verify it against a checkpoint kept "
                + "earlier. No checkpoint is signed over it."));
        String signedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] signature = key.sign(AuditCheckpoint.signedBytes(seq, hash, keyedFrom, signedAt));
        return new AuditCheckpoint(seq, hash, keyedFrom, signedAt, CheckpointKey.ALGORITHM, key.keyId(),
                key.publicKeyBase64(), Base64.getEncoder().encodeToString(signature));
    }

    /** The whole chain on its own: every link, and the mark that says where keyed hashing starts. */
    public AuditVerification verify() {
        ChainWalk walk = verifier.walk(null);
        if (!walk.linksHold()) {
            return AuditVerification.broken(walk, null, walk.brokenSeq(), walk.problem());
        }
        if (walk.keyedFrom() == null) {
            return AuditVerification.broken(walk, null, 1, "no entry marks where keyed hashing starts: the chain "
                    + "was rehashed without the key, so no entry can be trusted; verify it against a checkpoint");
        }
        return AuditVerification.intact(walk, null);
    }

    /**
     * Whether the chain now extends the checkpoint: every link holds up to the head, the head is at or after the
     * checkpoint, the entry at its position still has its hash, and keyed hashing starts where it did.
     */
    public AuditVerification verify(AuditCheckpoint checkpoint) {
        checkSignature(checkpoint);
        ChainWalk walk = verifier.walk(checkpoint.seq());
        List<Finding> findings = new ArrayList<>();
        if (!walk.linksHold()) {
            findings.add(new Finding(walk.brokenSeq(), walk.problem()));
        }
        if (walk.headSeq() < checkpoint.seq()) {
            findings.add(new Finding(walk.headSeq() + 1, "the chain ends at entry " + walk.headSeq()
                    + ", before the checkpoint's entry " + checkpoint.seq() + ": entries were removed from its end"));
        } else if ((walk.linksHold() || walk.brokenSeq() > checkpoint.seq())
                && !checkpoint.headHash().equals(walk.hashAtWatched())) {
            findings.add(new Finding(checkpoint.seq(), "entry " + checkpoint.seq() + " no longer has the checkpoint's "
                    + "hash: it or an entry before it was rewritten"));
        }
        if (!Objects.equals(walk.keyedFrom(), checkpoint.keyedFrom())) {
            long at = walk.keyedFrom() == null ? checkpoint.keyedFrom()
                    : Math.min(walk.keyedFrom(), checkpoint.keyedFrom());
            findings.add(new Finding(at, "keyed hashing started at entry " + checkpoint.keyedFrom() + " when the "
                    + "checkpoint was signed; now " + (walk.keyedFrom() == null ? "no entry marks it"
                    : "it starts at entry " + walk.keyedFrom())));
        }
        return findings.stream().min(Comparator.comparingLong(Finding::seq))
                .map(first -> AuditVerification.broken(walk, checkpoint.seq(), first.seq(), first.problem()))
                .orElseGet(() -> AuditVerification.intact(walk, checkpoint.seq()));
    }

    /**
     * A checkpoint this service did not sign proves nothing about its chain, so it is refused before the chain is
     * read, naming the field that gives it away.
     */
    private void checkSignature(AuditCheckpoint checkpoint) {
        if (checkpoint.keyId() != null && !checkpoint.keyId().equals(key.keyId())) {
            throw ProblemException.invalidField("keyId", "is not the key id of this service's checkpoint key ("
                    + key.keyId() + ")");
        }
        if (checkpoint.publicKey() != null && !checkpoint.publicKey().equals(key.publicKeyBase64())) {
            throw ProblemException.invalidField("publicKey", "is not this service's checkpoint key");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(checkpoint.signature());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("signature", "is not base64");
        }
        if (!key.verifies(checkpoint.signedBytes(), signature)) {
            throw ProblemException.invalidField("signature", "does not verify with this service's checkpoint key "
                    + "over seq, headHash, keyedFrom and signedAt: the checkpoint was altered or not signed here");
        }
    }

    private record Finding(long seq, String problem) {
    }
}
