/**
 * How the domain says no, without knowing who asked or over what: an aggregate, a saga or a query handler throws
 * a {@link dev.orderflow.api.refusal.DomainException} of a {@link dev.orderflow.api.refusal.RefusalKind}; the web
 * layer alone decides which HTTP status each kind is answered with.
 */
package dev.orderflow.api.refusal;
