package dev.orderflow.query.order;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface OrderLineEntryRepository extends JpaRepository<OrderLineEntry, OrderLineEntry.Key> {

    List<OrderLineEntry> findByOrderIdOrderByLineNumber(UUID orderId);

    List<OrderLineEntry> findByOrderIdIn(Collection<UUID> orderIds);

    /** Writes a product's new name on every order line of it, like {@link OrderEntryRepository#copyCustomerName}. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OrderLineEntry l set l.productName = :name where l.productId = :productId")
    int copyProductName(UUID productId, String name);
}
