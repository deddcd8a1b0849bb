package org.prisonwatch.audit;

/**
 * What walking the chain up to its head found.
 *
 * @param headSeq the head the walk checked up to (the chain's end when the walk began)
 * @param entriesChecked how many entries were checked before the walk ended
 * @param keyedFrom the first {@link AuditAction#CHAIN_KEYED} entry, or null when the chain has none
 * @param brokenSeq the first entry that is missing, altered or out of place; null when every link holds
 * @param problem what is wrong with it
 * @param hashAtWatched the hash stored at the position the caller asked to watch, when the walk reached it
 */
record ChainWalk(long headSeq, long entriesChecked, Long keyedFrom, Long brokenSeq, String problem,
        String hashAtWatched) {

    boolean linksHold() {
        return brokenSeq == null;
    }
}
