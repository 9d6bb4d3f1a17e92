package dev.orderflow.shared.admin;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who holds each segment of a processor, read from the token store every instance shares: what an instance
 * cannot see in its own processor's status (the segments nobody holds, and those another instance holds).
 * Only a JPA token store tells owners; with another store this answers nothing and the admin API shows the
 * segments this instance holds alone.
 */
class TokenClaims {

    private static final Logger log = LoggerFactory.getLogger(TokenClaims.class);

    private final EntityManagerProvider entityManagers;
    private final Serializer serializer;

    TokenClaims(EntityManagerProvider entityManagers, Serializer serializer) {
        this.entityManagers = entityManagers;
        this.serializer = serializer;
    }

    /** The processor's segments as the token store holds them, or empty when this store cannot tell. */
    Optional<List<Claim>> of(String processor, TokenStore store) {
        if (!(store instanceof JpaTokenStore) || entityManagers == null) {
            return Optional.empty();
        }
        try {
            List<TokenEntry> entries = entityManagers.getEntityManager()
                    .createQuery("select t from TokenEntry t where t.processorName = :processor order by t.segment",
                            TokenEntry.class)
                    .setParameter("processor", processor)
                    .getResultList();
            return Optional.of(entries.stream().map(this::claim).toList());
        } catch (RuntimeException e) {
            log.debug("Cannot read the token claims of processor {}", processor, e);
            return Optional.empty();
        }
    }

    private Claim claim(TokenEntry entry) {
        Long position = null;
        try {
            TrackingToken token = entry.getToken(serializer);
            OptionalLong known = token == null ? OptionalLong.empty() : token.position();
            position = known.isPresent() ? known.getAsLong() : null;
        } catch (RuntimeException e) {
            log.debug("Cannot read the token of segment {} of processor {}", entry.getSegment(), entry.getProcessorName(), e);
        }
        return new Claim(entry.getSegment(), entry.getOwner(), entry.timestamp(), position);
    }

    /**
     * @param owner     the node holding the claim, null when released
     * @param touchedAt when the claim was last taken, extended or released, or the token stored
     * @param position  the global position of the token as last stored
     */
    record Claim(int segment, String owner, Instant touchedAt, Long position) {
    }
}
