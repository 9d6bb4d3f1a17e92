package dev.orderflow.command.shipping;

import dev.orderflow.api.order.MarkOrderShippedCommand;
import dev.orderflow.api.shipping.ShipmentDispatchedEvent;
import dev.orderflow.shared.command.FollowUpCommands;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** A dispatched shipment marks its order shipped, which ends the customer's right to cancel it. */
@Component
@ProcessingGroup("order-shipped-policy")
@DisallowReplay
class OrderShippedPolicy {

    private final FollowUpCommands commands;

    OrderShippedPolicy(FollowUpCommands commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ShipmentDispatchedEvent event) {
        commands.send(new MarkOrderShippedCommand(event.orderId()));
    }
}
