package dev.orderflow.query.customer;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface CustomerAccountRepository extends JpaRepository<CustomerAccount, UUID> {
}
