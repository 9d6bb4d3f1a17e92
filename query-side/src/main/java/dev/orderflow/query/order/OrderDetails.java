package dev.orderflow.query.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.api.customer.CustomerView;
import dev.orderflow.api.order.OrderView;
import dev.orderflow.api.payment.PaymentView;
import dev.orderflow.api.shipping.ShipmentView;

import java.util.UUID;

/** An order composed with its customer's account, its payment and its shipment, each answered on its own. */
record OrderDetails(UUID orderId, Part<OrderView> order, Part<CustomerView> customer, Part<PaymentView> payment,
                    Part<ShipmentView> shipment) {

    enum PartStatus {
        /** The part answered; its view is in {@code data}. */
        AVAILABLE,
        /** The part answered that it has nothing for this order (no payment or shipment yet, say). */
        NOT_FOUND,
        /** The part failed or did not answer in time; {@code reason} says which. */
        UNAVAILABLE
    }

    /** One part of the composition: {@code {"status":"AVAILABLE","data":{...}}}, or a status with a reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Part<T>(PartStatus status, T data, String reason) {

        static <T> Part<T> available(T data) {
            return new Part<>(PartStatus.AVAILABLE, data, null);
        }

        static <T> Part<T> notFound() {
            return new Part<>(PartStatus.NOT_FOUND, null, null);
        }

        static <T> Part<T> unavailable(String reason) {
            return new Part<>(PartStatus.UNAVAILABLE, null, reason);
        }
    }
}
