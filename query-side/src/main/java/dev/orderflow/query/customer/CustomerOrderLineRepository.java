package dev.orderflow.query.customer;

import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerOrderLineRepository extends JpaRepository<CustomerOrderLine, CustomerOrderLine.Key> {
}
