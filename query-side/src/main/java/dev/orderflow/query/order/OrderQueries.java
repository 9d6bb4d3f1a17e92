package dev.orderflow.query.order;

import dev.orderflow.api.order.FindOrderQuery;
import dev.orderflow.api.order.FindOrdersQuery;
import dev.orderflow.api.order.OrderLineView;
import dev.orderflow.api.order.OrderPage;
import dev.orderflow.api.order.OrderStatus;
import dev.orderflow.api.order.OrderView;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.query.Paging;
import jakarta.persistence.criteria.Predicate;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Answers the order history's queries; the projection also uses it to build the views it pushes to subscribers. */
@Component
class OrderQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("placedAt"), Sort.Order.asc("orderId"));

    private final OrderEntryRepository orders;
    private final OrderLineEntryRepository lines;

    OrderQueries(OrderEntryRepository orders, OrderLineEntryRepository lines) {
        this.orders = orders;
        this.lines = lines;
    }

    @QueryHandler
    Optional<OrderView> handle(FindOrderQuery query) {
        return find(query.orderId());
    }

    @QueryHandler
    OrderPage handle(FindOrdersQuery query) {
        Specification<OrderEntry> filter = (order, criteria, builder) -> {
            List<Predicate> conditions = new ArrayList<>();
            if (query.customerId() != null) {
                conditions.add(builder.equal(order.get("customerId"), query.customerId()));
            }
            if (query.status() != null) {
                conditions.add(builder.equal(order.get("status"), query.status()));
            }
            return builder.and(conditions.toArray(Predicate[]::new));
        };
        Page<OrderEntry> page = orders.findAll(filter, PageRequest.of(query.page(), query.size(), NEWEST_FIRST));
        Map<UUID, List<OrderLineEntry>> linesByOrder = page.isEmpty() ? Map.of()
                : lines.findByOrderIdIn(page.map(OrderEntry::orderId).toList()).stream()
                       .collect(Collectors.groupingBy(OrderLineEntry::orderId));
        List<OrderView> items = page.map(order -> view(order, linesByOrder.getOrDefault(order.orderId(), List.of()))).toList();
        return new OrderPage(items, query.page(), query.size(), page.getTotalElements(),
                Paging.totalPages(page.getTotalElements(), query.size()));
    }

    Optional<OrderView> find(UUID orderId) {
        return orders.findById(orderId).map(order -> view(order, lines.findByOrderIdOrderByLineNumber(orderId)));
    }

    private static OrderView view(OrderEntry order, List<OrderLineEntry> lines) {
        List<OrderLineView> lineViews = lines.stream()
                .sorted(Comparator.comparingInt(OrderLineEntry::lineNumber))
                .map(line -> new OrderLineView(line.productId(), line.productName(), Quantity.of(line.quantity()),
                        line.unitPrice() == null ? null : new Money(line.unitPrice()), line.priceReserved()))
                .toList();
        return new OrderView(order.orderId(), order.customerId(), order.customerName(), order.status(),
                order.rejectionReason(), order.shipment(), lineViews, order.total(), order.placedAt(), order.updatedAt(), order.version());
    }
}
