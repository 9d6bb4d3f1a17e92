package dev.orderflow.query.catalogue;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface CatalogueProductRepository extends JpaRepository<CatalogueProduct, UUID> {
}
