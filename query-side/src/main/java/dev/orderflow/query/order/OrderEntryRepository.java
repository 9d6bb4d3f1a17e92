package dev.orderflow.query.order;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.UUID;

interface OrderEntryRepository extends JpaRepository<OrderEntry, UUID>, JpaSpecificationExecutor<OrderEntry> {

    /**
     * Writes a customer's new name on all their orders in one statement. Flushes pending changes first and
     * clears the persistence context after, so no entity loaded earlier in the batch overwrites the new name.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OrderEntry o set o.customerName = :name where o.customerId = :customerId")
    int copyCustomerName(UUID customerId, String name);
}
