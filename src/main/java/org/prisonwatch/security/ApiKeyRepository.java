package org.prisonwatch.security;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.prisonwatch.access.Role;
import org.prisonwatch.api.Filter;
import org.prisonwatch.api.Keyset;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;

/** Queries over API keys. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    private static final Keyset<ApiKey> KEYSET = new Keyset<>(ApiKey.class);

    Page<ApiKeyView> list(PageParams page) {
        return KEYSET.page(getEntityManager(), new Filter(), page, k -> ApiKeyView.of(k, null));
    }

    Optional<ApiKey> findActiveByHash(String hash) {
        return find("keyHash = ?1 and revokedAt is null", hash).firstResultOptional();
    }

    List<String> activeHashes() {
        return getEntityManager().createQuery("select k.keyHash from ApiKey k where k.revokedAt is null", String.class)
                .getResultList();
    }

    boolean anyActiveAdmin() {
        return count("role = ?1 and revokedAt is null", Role.ADMIN) > 0;
    }
}
