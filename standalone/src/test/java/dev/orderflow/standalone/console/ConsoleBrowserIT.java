package dev.orderflow.standalone.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.orderflow.api.inventory.ProductAddedEvent;
import dev.orderflow.api.shared.Money;
import dev.orderflow.shared.security.DevelopmentCredentials;
import dev.orderflow.standalone.StandaloneApplication;
import dev.orderflow.standalone.UnansweredPayments;
import dev.orderflow.testfixtures.ServiceClient;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operations console in a real browser (headless Chromium) against the whole standalone system over real
 * HTTP: log in, processors and a replay's progress bar, an order's events and its business transaction, a poison
 * event parked and retried after the fix, a running saga with its deadline, the audit; a USER is refused. Each
 * page is saved as a screenshot in {@code target/console-screenshots} (docs/console.md shows them). A context of
 * its own: the poison and the widened columns stay out of the other tests' database.
 */
@SpringBootTest(classes = {StandaloneApplication.class, UnansweredPayments.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"orderflow.fulfilment.payment-timeout=10m", "orderflow.console.refresh-interval=500"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    /** Too long for the read models' varchar(200) product names. */
    private static final String NAME_OF_250 = "N".repeat(250);

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    private ConsoleBrowser browser;
    private ServiceClient api;

    @BeforeAll
    void openBrowser() {
        assumeTrue(ConsoleBrowser.missing().isEmpty(), () -> ConsoleBrowser.missing().orElseThrow());
        browser = ConsoleBrowser.open("http://localhost:" + port, SCREENSHOTS);
        api = ServiceClient.onLocalPort(port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aUserWithoutTheAdminRoleIsRefused() {
        browser.visit("/console/processors");
        assertThat(browser.driver().getCurrentUrl()).as("sent to the login first").contains("/console/login");
        browser.screenshot("login");

        browser.logIn(DevelopmentCredentials.USER.name(), DevelopmentCredentials.USER.password());

        assertThat(browser.pageText()).contains("Refused (403)", "The console is for the ADMIN role only, and "
                + DevelopmentCredentials.USER.name() + " does not have it");
        assertThat(browser.pageText()).as("nothing of the service").doesNotContain("catalogue");
        browser.find(By.cssSelector("form[action$='/console/logout'] button")).click();
        browser.await(driver -> driver.getCurrentUrl().contains("/console/login?logout"));
    }

    @Test
    @Order(2)
    void anOperatorSeesEveryProcessorWithItsPositionAndSegments() {
        browser.logIn(DevelopmentCredentials.ADMIN.name(), DevelopmentCredentials.ADMIN.password());
        browser.visit("/console/processors");

        for (String processor : List.of("catalogue", "customer-accounts", "order-history", "payments", "shipments",
                "OrderFulfilmentSagaProcessor")) {
            browser.find(By.cssSelector("section[data-processor='" + processor + "']"));
        }
        WebElement catalogue = browser.find(By.cssSelector("section[data-processor='catalogue']"));
        assertThat(catalogue.getText()).contains("POOLED_STREAMING", "running", "Position", "Behind", "2 of 2 here");
        assertThat(catalogue.findElements(By.cssSelector("table.segments tbody tr"))).hasSize(2);
        assertThat(catalogue.findElements(By.cssSelector("form[action$='/split'] button"))).extracting(WebElement::getText)
                .containsExactly("Split segment 0", "Split segment 1");
        assertThat(browser.find(By.cssSelector("section[data-processor='OrderFulfilmentSagaProcessor']"))
                .findElements(By.cssSelector("form[action$='/replay']"))).as("sagas never replay").isEmpty();
        assertThat(browser.title()).isEqualTo("Processors · orderflow-standalone · Orderflow console");
        browser.screenshot("processors");
    }

    @Test
    @Order(3)
    void aReplayStartedInTheConsoleShowsItsProgressUpToOneHundredPercentAndIsAudited() {
        for (int i = 0; i < 150; i++) {
            product("Replayed product " + i, 10);
        }
        browser.visit("/console/processors");

        browser.clickAndConfirm(By.cssSelector("section[data-processor='catalogue'] form[action$='/replay'] button"));

        assertThat(browser.find(By.cssSelector("p.notice")).getText()).contains("catalogue: replaying");
        String done = browser.await(driver -> {
            List<WebElement> label = driver.findElements(By.cssSelector("section[data-processor='catalogue'] .progress label"));
            return !label.isEmpty() && label.get(0).getText().contains("done") ? label.get(0).getText() : null;
        });
        assertThat(done).isEqualTo("replay done: 100.0 %");
        assertThat(browser.find(By.cssSelector("section[data-processor='catalogue'] progress")).getDomProperty("value"))
                .isEqualTo("100");
        browser.screenshot("processors-replayed");

        browser.visit("/console/audit");
        WebElement newest = browser.find(By.cssSelector("table.audit tbody tr"));
        assertThat(newest.getText()).contains("admin", "console", "replay", "catalogue", "done");
        browser.screenshot("audit");
    }

    @Test
    @Order(4)
    void theNewestEventsShowWhatIsAppendedWithoutAReload() {
        browser.visit("/console/events");
        browser.find(By.cssSelector("[sse-connect]"));

        UUID product = product("Tailed mug", 3);

        WebElement newest = browser.await(driver -> {
            List<WebElement> events = driver.findElements(By.cssSelector("li.event"));
            return !events.isEmpty() && events.get(0).getText().contains(product.toString()) ? events.get(0) : null;
        });
        assertThat(newest.getDomAttribute("data-event-type")).isEqualTo("ProductAddedEvent");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/events");
        browser.screenshot("events-newest");

        browser.find(By.linkText("Older events")).click();
        browser.await(driver -> driver.findElement(By.tagName("h2")).getText().startsWith("Events stored before position"));
        List<String> older = browser.driver().findElements(By.cssSelector("li.event")).stream().map(WebElement::getText).toList();
        assertThat(older).as("the earlier tests' events").isNotEmpty();
        assertThat(older).as("the newest event is not among the older ones").noneMatch(text -> text.contains(product.toString()));
        assertThat(browser.driver().findElements(By.cssSelector("[sse-connect]"))).as("no live tail back in time").isEmpty();
    }

    @Test
    @Order(5)
    void anOrdersEventsAreFoundByItsIdAndLeadToTheRestOfItsBusinessTransaction() {
        UUID customer = customer("Event Eve", "1000.00");
        UUID product = product("Event mug", 5);
        UUID order = order(customer, product);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/orders/" + order).getStatusCode().is2xxSuccessful());

        browser.visit("/console/events");
        browser.find(By.id("aggregateId")).sendKeys(order.toString());
        browser.find(By.cssSelector("form.search button")).click();
        browser.await(driver -> driver.findElement(By.tagName("h2")).getText().equals("Order " + order));

        WebElement placed = browser.find(By.cssSelector("li.event[data-event-type='OrderPlacedEvent']"));
        placed.findElement(By.tagName("summary")).click();
        assertThat(placed.findElement(By.cssSelector("pre.json")).getText()).contains("\"customerId\" : \"" + customer + "\"");
        browser.screenshot("events-of-an-order");

        placed.findElement(By.cssSelector(".event-facts a.transaction")).click();

        browser.await(driver -> driver.findElement(By.tagName("h2")).getText().startsWith("Business transaction"));
        List<String> types = browser.driver().findElements(By.cssSelector("li.event")).stream()
                .map(event -> event.getDomAttribute("data-event-type")).toList();
        assertThat(types).as("the order, its reservations and payment, across aggregates")
                .contains("OrderPlacedEvent", "StockReservedEvent", "PaymentRequestedEvent");
        browser.screenshot("events-of-a-transaction");
    }

    @Test
    @Order(6)
    void aPoisonEventIsParkedShownAndRetriedAfterTheFixUntilTheQueueIsEmpty() throws SQLException {
        UUID poisoned = UUID.randomUUID();
        appendAsIfTheCommandSideHadABug(poisoned);

        browser.await(driver -> {
            browser.visit("/console/dead-letters");
            return !driver.findElements(By.cssSelector("section[data-group='catalogue'] article[data-sequence='" + poisoned
                    + "']:not(:has(.badge))")).isEmpty();
        });
        WebElement parked = browser.find(By.cssSelector("section[data-group='catalogue'] article[data-sequence='" + poisoned + "']"));
        assertThat(parked.getText()).contains("ProductAddedEvent", "value too long");
        browser.screenshot("dead-letters");

        jdbc.execute("alter table catalogue.catalogue_product alter column name type varchar(400)");
        jdbc.execute("alter table order_history.order_history_product alter column name type varchar(400)");
        // Pooled connections keep plans made for the old column type: replace them, as a restart would.
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();

        browser.find(By.cssSelector("section[data-group='catalogue'] article[data-sequence='" + poisoned
                + "'] form[action$='/retry'] button")).click();
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).contains("was handled and left the queue");
        browser.await(driver -> {
            browser.visit("/console/dead-letters");
            List<WebElement> retryAll = driver.findElements(By.cssSelector("section[data-group='order-history'] form[action$='/retry'] button"));
            if (!retryAll.isEmpty() && driver.findElements(By.cssSelector("section[data-group='order-history'] .badge + .badge, "
                    + "section[data-group='order-history'] h3 .badge")).isEmpty()) {
                browser.clickAndConfirm(By.cssSelector("section[data-group='order-history'] > form[action$='/retry'] button"));
            }
            return driver.findElements(By.cssSelector("article.sequence")).isEmpty();
        });
        assertThat(browser.find(By.cssSelector("section[data-group='catalogue']")).getText()).contains("The queue is empty.");
        assertThat(api.get("/products/" + poisoned).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void aRunningSagaShowsItsPendingPaymentDeadlineAndLeadsToItsOrder() {
        UUID customer = customer("Saga Sam", "1000.00");
        UnansweredPayments.neverAnswerPaymentsOf(customer);
        UUID order = order(customer, product("Saga mug", 5));

        browser.await(driver -> {
            browser.visit("/console/sagas?associatedWith=" + order);
            return !driver.findElements(By.cssSelector("table.sagas tbody tr")).isEmpty()
                    && driver.findElement(By.cssSelector("table.sagas tbody tr")).getText().contains("payment-timeout");
        });
        browser.screenshot("sagas");
        browser.find(By.cssSelector("table.sagas tbody tr a")).click();

        WebElement deadline = browser.find(By.cssSelector("ul.deadlines li"));
        assertThat(deadline.getText()).startsWith("payment-timeout fires at");
        assertThat(browser.pageText()).contains("orderId", order.toString());
        browser.screenshot("saga");

        browser.find(By.linkText(order.toString())).click();
        browser.find(By.cssSelector("li.event[data-event-type='OrderPlacedEvent']"));
    }

    @Test
    @Order(8)
    void aShippedOrdersSagaIsListedAmongTheFinishedOnesAndOpensWithItsLastState() {
        UUID order = order(customer("Finished Fay", "1000.00"), product("Finished mug", 5));
        String shipmentId = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.getJson("/shipments/" + order).getBody(), shipment -> shipment != null && shipment.hasNonNull("shipmentId"))
                .get("shipmentId").asText();
        assertThat(api.send(HttpMethod.POST, "/shipments/" + shipmentId + "/dispatch", null, null).getStatusCode().value()).isEqualTo(204);

        browser.await(driver -> {
            browser.visit("/console/sagas?associatedWith=" + order);
            return !driver.findElements(By.cssSelector("table.finished-sagas tbody tr")).isEmpty();
        });
        assertThat(browser.driver().findElements(By.cssSelector("table.sagas tbody tr"))).as("no longer running").isEmpty();
        assertThat(browser.find(By.cssSelector("table.finished-sagas tbody tr")).getText()).contains("orderId: " + order);
        browser.screenshot("sagas-finished");

        browser.find(By.cssSelector("table.finished-sagas tbody tr a")).click();
        assertThat(browser.find(By.cssSelector("main p.notice")).getText()).startsWith("Finished at");
        assertThat(browser.find(By.cssSelector("pre.json")).getText()).contains("\"orderId\"");
    }

    @Test
    @Order(9)
    void theOverviewFlagsAStoppedProcessorAtTheTopOfEveryPage() {
        browser.visit("/console/processors");
        browser.clickAndConfirm(By.cssSelector("section[data-processor='shipments'] form[action$='/stop'] button"));

        assertThat(browser.find(By.cssSelector("ul.flags")).getText()).contains("shipments is stopped");
        browser.visit("/console");
        assertThat(browser.find(By.cssSelector("ul.flags")).getText()).contains("shipments is stopped");
        // The charts sample every 5 s and refresh themselves: the commands of the earlier tests show there.
        String commands = browser.await(driver -> {
            String latest = driver.findElement(By.cssSelector("figure[data-chart='Commands'] .latest")).getText();
            return latest.endsWith("/s") ? latest : null;
        });
        assertThat(commands).matches("[0-9.]+ /s");
        assertThat(browser.driver().findElements(By.cssSelector("figure.chart svg polyline"))).hasSize(7);
        browser.screenshot("overview");

        browser.visit("/console/processors");
        browser.atPhoneWidth(() -> {
            browser.visit("/console/processors");
            WebElement start = browser.find(By.cssSelector("section[data-processor='shipments'] form[action$='/start'] button"));
            assertThat(start.getRect().getX() + start.getRect().getWidth()).as("within a phone's width").isLessThanOrEqualTo(390);
            browser.screenshot("processors-on-a-phone");
        });
        browser.find(By.cssSelector("section[data-processor='shipments'] form[action$='/start'] button")).click();
        browser.await(driver -> {
            browser.visit("/console");
            return driver.findElements(By.cssSelector("ul.flags")).isEmpty();
        });
    }

    @Test
    @Order(10)
    void stopOrStartFollowsAProcessorStoppedElsewhereWithoutAReload() {
        By stop = By.cssSelector("section[data-processor='catalogue'] form[action$='/stop'] button");
        By start = By.cssSelector("section[data-processor='catalogue'] form[action$='/start'] button");
        browser.visit("/console/processors");
        browser.await(driver -> driver.findElement(stop).isDisplayed() && !driver.findElement(start).isDisplayed());
        // Gone if the page were loaded again.
        ((JavascriptExecutor) browser.driver()).executeScript("window.orderflowLoadedOnce = true");

        // Another operator, through the admin REST API.
        assertThat(api.asAdmin().post("/admin/processors/catalogue/stop", null).getStatusCode().is2xxSuccessful()).isTrue();
        browser.await(driver -> driver.findElement(start).isDisplayed() && !driver.findElement(stop).isDisplayed());

        assertThat(api.asAdmin().post("/admin/processors/catalogue/start", null).getStatusCode().is2xxSuccessful()).isTrue();
        browser.await(driver -> driver.findElement(stop).isDisplayed() && !driver.findElement(start).isDisplayed());
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.orderflowLoadedOnce === true"))
                .as("the same page, never reloaded").isEqualTo(true);
    }

    @Test
    @Order(11)
    void aFormSentWithoutItsTokenIsRefusedAndNothingIsDone() {
        browser.visit("/console/processors");
        browser.find(By.cssSelector("section[data-processor='catalogue'] form[action$='/stop'] button"));

        Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch('/console/processors/catalogue/stop', {method: 'POST'})"
                + ".then(response => response.text().then(text => done(response.status + ' ' + text)));");

        assertThat(answer.toString()).startsWith("403").contains("without a valid CSRF token");
        assertThat(api.asAdmin().getJson("/admin/processors/catalogue").getBody().path("running").asBoolean())
                .as("not stopped").isTrue();
    }

    private void appendAsIfTheCommandSideHadABug(UUID productId) {
        transactions.executeInTransaction(() -> eventStore.publish(new GenericDomainEventMessage<>("Product",
                productId.toString(), 0, new ProductAddedEvent(productId, NAME_OF_250, Money.of("9.99"), 5))));
    }

    private UUID product(String name, int stock) {
        UUID id = UUID.randomUUID();
        ResponseEntity<JsonNode> created = api.post("/products", """
                {"productId": "%s", "name": "%s", "price": 2.50, "stock": %d}""".formatted(id, name, stock));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return id;
    }

    private UUID customer(String name, String creditLimit) {
        UUID id = UUID.randomUUID();
        ResponseEntity<JsonNode> created = api.post("/customers", """
                {"customerId": "%s", "name": "%s", "email": "%s@example.com", "creditLimit": %s}"""
                .formatted(id, name, id, creditLimit));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return id;
    }

    private UUID order(UUID customer, UUID product) {
        UUID id = UUID.randomUUID();
        ResponseEntity<JsonNode> placed = api.post("/orders", """
                {"orderId": "%s", "customerId": "%s", "lines": [{"productId": "%s", "quantity": 1}]}"""
                .formatted(id, customer, product));
        assertThat(placed.getStatusCode().value()).as("%s", placed.getBody()).isEqualTo(201);
        return id;
    }
}
