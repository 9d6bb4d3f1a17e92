package dev.orderflow.query.catalogue;

import dev.orderflow.query.AggregateViewRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product of the catalogue with its stock: units on hand and how many of them are reserved. Stock is
 * counted up and down, so {@code version} (the sequence number of the last product event applied) is what
 * keeps a product event delivered twice from counting twice.
 */
@Entity
@Table(schema = "catalogue", name = "catalogue_product")
class CatalogueProduct extends AggregateViewRow<UUID> {

    @Id
    private UUID productId;
    private String name;
    private BigDecimal price;
    private int onHand;
    private int reserved;

    protected CatalogueProduct() {
        // for JPA
    }

    CatalogueProduct(UUID productId, String name, BigDecimal price, int onHand, long version) {
        super(version);
        this.productId = productId;
        this.name = name;
        this.price = price;
        this.onHand = onHand;
        this.reserved = 0;
    }

    void rename(String newName) {
        name = newName;
    }

    void reprice(BigDecimal newPrice) {
        price = newPrice;
    }

    void restock(int units) {
        onHand += units;
    }

    void reserve(int units) {
        reserved += units;
    }

    void release(int units) {
        reserved = Math.max(0, reserved - units);
    }

    /** Reserved units left with a shipment: they are neither on hand nor reserved any more. */
    void ship(int units) {
        onHand = Math.max(0, onHand - units);
        release(units);
    }

    @Override
    public UUID getId() {
        return productId;
    }

    UUID productId() {
        return productId;
    }

    String name() {
        return name;
    }

    BigDecimal price() {
        return price;
    }

    int onHand() {
        return onHand;
    }

    int reserved() {
        return reserved;
    }

}
