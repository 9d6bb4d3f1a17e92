package dev.orderflow.command.customer;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegisteredEmailRepository extends JpaRepository<RegisteredEmail, String> {
}
