package dev.orderflow.command.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.command.support.CommandSideIntegrationTest;
import dev.orderflow.command.support.StoredEvents;
import dev.orderflow.testfixtures.ServiceClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

import static dev.orderflow.command.support.Problems.assertInvalid;
import static dev.orderflow.command.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@CommandSideIntegrationTest
class ProductCommandsIT {

    @Autowired
    ServiceClient http;
    @Autowired
    StoredEvents events;

    @Test
    void addingAProductStoresItWithPriceAndStock() {
        UUID productId = UUID.randomUUID();

        ResponseEntity<JsonNode> response = http.post("/products", product(productId, "Blue Mug", "12.5", "40"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasToString("/products/" + productId);
        assertThat(response.getBody().get("productId").asText()).isEqualTo(productId.toString());
        StoredEvents.StoredEvent added = events.of(productId).get(0);
        assertThat(added.simpleType()).isEqualTo("ProductAddedEvent");
        assertThat(added.sequenceNumber()).isZero();
        assertThat(added.payload().get("name").asText()).isEqualTo("Blue Mug");
        assertThat(added.payload().get("price").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(added.payload().get("onHand").asInt()).isEqualTo(40);
    }

    @Test
    void renamingRepricingAndRestockingAppendInOrder() {
        UUID productId = addedProduct();

        ResponseEntity<JsonNode> renamed = http.put("/products/" + productId + "/name", "{\"name\": \"Green Mug\"}");
        ResponseEntity<JsonNode> repriced = http.put("/products/" + productId + "/price", "{\"price\": 9.99}");
        ResponseEntity<JsonNode> restocked = http.post("/products/" + productId + "/restock", "{\"quantity\": 25}");

        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(repriced.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(restocked.getHeaders().getETag()).isEqualTo("\"3\"");
        assertThat(events.of(productId)).extracting(StoredEvents.StoredEvent::simpleType, StoredEvents.StoredEvent::sequenceNumber)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ProductAddedEvent", 0L),
                        org.assertj.core.groups.Tuple.tuple("ProductRenamedEvent", 1L),
                        org.assertj.core.groups.Tuple.tuple("ProductPriceChangedEvent", 2L),
                        org.assertj.core.groups.Tuple.tuple("ProductRestockedEvent", 3L));
        assertThat(events.of(productId).get(3).payload().get("quantity").asInt()).isEqualTo(25);
    }

    @Test
    void addingTheSameProductIdTwiceAnswersConflict() {
        UUID productId = addedProduct();

        ResponseEntity<JsonNode> response = http.post("/products", product(productId, "Duplicate", "1", "1"));

        assertProblem(response, HttpStatus.CONFLICT, "CONFLICT");
        assertThat(events.of(productId)).hasSize(1);
    }

    @Test
    void restockingWithAStaleVersionAnswersConflictAndStoresNothing() {
        UUID productId = addedProduct();
        http.post("/products/" + productId + "/restock", "{\"quantity\": 1}");

        ResponseEntity<JsonNode> response = http.send(HttpMethod.POST, "/products/" + productId + "/restock",
                "{\"quantity\": 5}", "\"0\"");

        assertProblem(response, HttpStatus.CONFLICT, "CONFLICT");
        assertThat(events.of(productId)).hasSize(2);
    }

    @Test
    void restockingBeyondTheStockCeilingBreaksABusinessRule() {
        UUID productId = UUID.randomUUID();
        http.post("/products", product(productId, "Heavy Stock", "1", String.valueOf(Product.MAX_STOCK)));

        ResponseEntity<JsonNode> response = http.post("/products/" + productId + "/restock", "{\"quantity\": 1}");

        assertProblem(response, HttpStatus.UNPROCESSABLE_ENTITY, "RULE_VIOLATED");
        assertThat(events.of(productId)).hasSize(1);
    }

    @Test
    void unknownProductsAnswerNotFound() {
        UUID unknown = UUID.randomUUID();

        assertProblem(http.put("/products/" + unknown + "/name", "{\"name\": \"X\"}"), HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertProblem(http.put("/products/" + unknown + "/price", "{\"price\": 1}"), HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertProblem(http.post("/products/" + unknown + "/restock", "{\"quantity\": 1}"), HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat(events.of(unknown)).isEmpty();
    }

    @Test
    void invalidProductInputNamesTheFieldAndStoresNothing() {
        String name = "Invalid " + UUID.randomUUID();
        assertInvalid(http.post("/products", product(null, name, "1", "-1")), "stock");
        assertInvalid(http.post("/products", product(null, name, "1", "100000001")), "stock");
        assertInvalid(http.post("/products", product(null, name, "1", "2.5")), "stock");
        assertInvalid(http.post("/products", product(null, name, "-0.01", "1")), "price");
        assertInvalid(http.post("/products", product(null, name, "99999999999", "1")), "price");
        assertInvalid(http.post("/products", "{\"name\": \"" + name + "\", \"price\": 1}"), "stock");
        assertInvalid(http.post("/products", product(null, "", "1", "1")), "name");

        UUID productId = addedProduct();
        assertInvalid(http.post("/products/" + productId + "/restock", "{\"quantity\": 0}"), "quantity");
        assertInvalid(http.post("/products/" + productId + "/restock", "{\"quantity\": 1000001}"), "quantity");
        assertInvalid(http.post("/products/" + productId + "/restock", "{}"), "quantity");
        assertInvalid(http.put("/products/" + productId + "/price", "{\"price\": \"cheap\"}"), "price");
        assertThat(events.mentioning(name)).isZero();
        assertThat(events.of(productId)).hasSize(1);
    }

    private UUID addedProduct() {
        UUID productId = UUID.randomUUID();
        assertThat(http.post("/products", product(productId, "Mug", "5.00", "10")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return productId;
    }

    static String product(UUID productId, String name, String price, String stock) {
        String id = productId == null ? "" : "\"productId\": \"" + productId + "\", ";
        return "{" + id + "\"name\": \"" + name + "\", \"price\": " + price + ", \"stock\": " + stock + "}";
    }
}
