package dev.orderflow.command.customer;

import dev.orderflow.api.customer.ChangeCreditLimitCommand;
import dev.orderflow.api.customer.CreditLimitChangedEvent;
import dev.orderflow.api.customer.CreditReleasedEvent;
import dev.orderflow.api.customer.CreditReservationDeclinedEvent;
import dev.orderflow.api.customer.CreditReservedEvent;
import dev.orderflow.api.customer.CustomerRegisteredEvent;
import dev.orderflow.api.customer.CustomerRenamedEvent;
import dev.orderflow.api.customer.RegisterCustomerCommand;
import dev.orderflow.api.customer.ReleaseCreditCommand;
import dev.orderflow.api.customer.RenameCustomerCommand;
import dev.orderflow.api.customer.ReserveCreditCommand;
import dev.orderflow.api.shared.Money;
import dev.orderflow.command.RecentlyClosedRequests;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.orderflow.command.DomainExceptionMatchers.aConflict;
import static dev.orderflow.command.DomainExceptionMatchers.aRuleViolation;
import static org.hamcrest.Matchers.containsString;

class CustomerTest {

    private static final String EMAIL = "ann@example.com";
    private static final String CREDIT_LIMIT = "100";

    private final UUID customerId = UUID.randomUUID();
    private final UUID paymentId = UUID.randomUUID();
    private final UUID otherPaymentId = UUID.randomUUID();
    /** Email to owner, as the registry keeps them. */
    private final Map<String, UUID> registeredEmails = new HashMap<>();

    private FixtureConfiguration<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        // Normalizes like the real registry does: the aggregate hands it the email as typed.
        fixture.registerInjectableResource((EmailRegistry) email -> Optional.ofNullable(registeredEmails.get(EmailRegistry.normalize(email))));
    }

    // Register

    @Test
    void registeringACustomerRecordsTheRegistration() {
        fixture.givenNoPriorActivity()
                .when(register("Ann Lee", EMAIL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    void registeringACustomerStripsTheNameAndNormalizesTheEmail() {
        fixture.givenNoPriorActivity()
                .when(register("  Ann Lee  ", "  Ann@Example.COM "))
                .expectEvents(registered());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void registeringACustomerWithoutANameIsRejected(String name) {
        fixture.givenNoPriorActivity()
                .when(register(name, EMAIL))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("A customer needs a name");
    }

    @Test
    void registeringACustomerWithANameLongerThan200CharactersIsRejected() {
        fixture.givenNoPriorActivity()
                .when(register("a".repeat(201), EMAIL))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("A customer name has at most 200 characters");
    }

    @Test
    void registeringACustomerWithA200CharacterNameInsideBlanksIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(register("  " + "a".repeat(200) + "  ", EMAIL))
                .expectEvents(registered("a".repeat(200), EMAIL));
    }

    @Test
    void registeringACustomerWithAnEmailAlreadyRegisteredIsRefusedAsAConflict() {
        registeredEmails.put(EMAIL, UUID.randomUUID());

        fixture.givenNoPriorActivity()
                .when(register("Ann Lee", EMAIL))
                .expectNoEvents()
                .expectException(aConflict())
                .expectExceptionMessage(containsString("The email " + EMAIL + " is already registered"));
    }

    @Test
    void repeatingARegistrationIsRefusedAsAConflictOnTheIdNotOnTheEmail() {
        registeredEmails.put(EMAIL, customerId);

        fixture.givenNoPriorActivity()
                .when(register("Ann Lee", EMAIL))
                .expectNoEvents()
                .expectException(aConflict())
                .expectExceptionMessage("Customer " + customerId + " already exists");
    }

    @Test
    void registeringACustomerWithAnEmailOnlyAnotherCustomerHasIsAccepted() {
        registeredEmails.put("bob@example.com", UUID.randomUUID());

        fixture.givenNoPriorActivity()
                .when(register("Ann Lee", EMAIL))
                .expectEvents(registered());
    }

    // Rename

    @Test
    void renamingACustomerRecordsTheNewStrippedName() {
        fixture.given(registered())
                .when(rename("  Ann Smith ", null))
                .expectEvents(renamed("Ann Smith"));
    }

    @Test
    void renamingACustomerAnswersTheNewVersion() {
        fixture.given(registered())
                .when(rename("Ann Smith", null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void renamingACustomerToTheNameTheyHaveChangesNothingAndAnswersTheCurrentVersion() {
        fixture.given(registered(), renamed("Ann Smith"))
                .when(rename(" Ann Smith ", null))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void renamingACustomerToNoNameIsRejected(String name) {
        fixture.given(registered())
                .when(rename(name, null))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("A customer needs a name");
    }

    @Test
    void renamingACustomerToANameLongerThan200CharactersIsRejected() {
        fixture.given(registered())
                .when(rename("a".repeat(201), null))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("A customer name has at most 200 characters");
    }

    @Test
    void renamingACustomerWithAStaleExpectedVersionIsRefused() {
        fixture.given(registered(), renamed("Ann Smith"))
                .when(rename("Ann Jones", 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class)
                .expectExceptionMessage(containsString("Expected [0], but repository found [1]"));
    }

    @Test
    void renamingACustomerWithAnExpectedVersionAheadOfTheCustomerIsRefused() {
        fixture.given(registered())
                .when(rename("Ann Jones", 3L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class)
                .expectExceptionMessage(containsString("Expected [3], but repository found [0]"));
    }

    @Test
    void renamingACustomerWithTheCurrentExpectedVersionIsAccepted() {
        fixture.given(registered(), renamed("Ann Smith"))
                .when(rename("Ann Jones", 1L))
                .expectEvents(renamed("Ann Jones"))
                .expectResultMessagePayload(2L);
    }

    // Credit limit

    @Test
    void changingTheCreditLimitRecordsItAndAnswersTheNewVersion() {
        fixture.given(registered())
                .when(changeCreditLimit("250", null))
                .expectEvents(creditLimitChanged("250"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changingTheCreditLimitToTheSameAmountChangesNothing() {
        fixture.given(registered())
                .when(changeCreditLimit("100.00", null))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void changingTheCreditLimitWithAStaleExpectedVersionIsRefused() {
        fixture.given(registered(), creditLimitChanged("250"))
                .when(changeCreditLimit("300", 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void changingTheCreditLimitWithTheCurrentExpectedVersionIsAccepted() {
        fixture.given(registered(), creditLimitChanged("250"))
                .when(changeCreditLimit("300", 1L))
                .expectEvents(creditLimitChanged("300"))
                .expectResultMessagePayload(2L);
    }

    // Reserve credit

    @Test
    void reservingCreditWithinTheLimitHoldsIt() {
        fixture.given(registered())
                .when(reserveCredit(paymentId, "60"))
                .expectEvents(creditReserved(paymentId, "60"));
    }

    @Test
    void reservingExactlyTheAvailableCreditHoldsIt() {
        fixture.given(registered(), creditReserved(otherPaymentId, "60"))
                .when(reserveCredit(paymentId, "40"))
                .expectEvents(creditReserved(paymentId, "40"));
    }

    @Test
    void reservingMoreThanTheAvailableCreditIsDeclinedNamingWhatIsAvailable() {
        fixture.given(registered(), creditReserved(otherPaymentId, "60"))
                .when(reserveCredit(paymentId, "40.01"))
                .expectEvents(creditDeclined(paymentId, "40.01", "40"));
    }

    @Test
    void reservingCreditUsesTheChangedCreditLimit() {
        fixture.given(registered(), creditLimitChanged("300"))
                .when(reserveCredit(paymentId, "250"))
                .expectEvents(creditReserved(paymentId, "250"));
    }

    @Test
    void aLimitLoweredBelowTheCreditHeldLeavesNoCreditAvailable() {
        fixture.given(registered(), creditReserved(otherPaymentId, "80"), creditLimitChanged("50"))
                .when(reserveCredit(paymentId, "10"))
                .expectEvents(creditDeclined(paymentId, "10", "0"));
    }

    @Test
    void releasedCreditIsAvailableAgain() {
        fixture.given(registered(), creditReserved(otherPaymentId, "80"),
                        creditReleased(otherPaymentId, "80"))
                .when(reserveCredit(paymentId, "100"))
                .expectEvents(creditReserved(paymentId, "100"));
    }

    @Test
    void reservingCreditAgainForTheSamePaymentChangesNothing() {
        fixture.given(registered(), creditReserved(paymentId, "60"))
                .when(reserveCredit(paymentId, "60"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reservingCreditAgainForADeclinedPaymentChangesNothing() {
        fixture.given(registered(), creditDeclined(paymentId, "150", "100"))
                .when(reserveCredit(paymentId, "150"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeclinedPaymentHoldsNoCreditWhenItsReservationIsRepeatedAfterTheLimitWasRaised() {
        fixture.given(registered(), creditDeclined(paymentId, "150", "100"), creditLimitChanged("200"))
                .when(reserveCredit(paymentId, "150"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reservingCreditAgainForAPaymentWhoseCreditWasReleasedChangesNothing() {
        fixture.given(registered(), creditReserved(paymentId, "60"), creditReleased(paymentId, "60"))
                .when(reserveCredit(paymentId, "60"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPaymentDeclinedBeforeTheLatestThousandClosedOnesIsAnsweredAgain() {
        Object[] history = new Object[RecentlyClosedRequests.KEPT + 2];
        history[0] = registered();
        history[1] = creditDeclined(paymentId, "150", "100");
        for (int i = 2; i < history.length; i++) {
            history[i] = creditDeclined(UUID.randomUUID(), "150", "100");
        }

        fixture.given(history)
                .when(reserveCredit(paymentId, "60"))
                .expectEvents(creditReserved(paymentId, "60"));
    }

    // Release credit

    @Test
    void releasingCreditGivesBackWhatWasHeldForThePayment() {
        fixture.given(registered(), creditReserved(paymentId, "60"))
                .when(releaseCredit(paymentId))
                .expectEvents(creditReleased(paymentId, "60"));
    }

    @Test
    void releasingCreditNeverHeldChangesNothing() {
        fixture.given(registered(), creditReserved(otherPaymentId, "60"))
                .when(releaseCredit(paymentId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void releasingCreditTwiceChangesNothing() {
        fixture.given(registered(), creditReserved(paymentId, "60"), creditReleased(paymentId, "60"))
                .when(releaseCredit(paymentId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // Commands

    private RegisterCustomerCommand register(String name, String email) {
        return new RegisterCustomerCommand(customerId, name, email, Money.of(CREDIT_LIMIT));
    }

    private RenameCustomerCommand rename(String name, Long expectedVersion) {
        return new RenameCustomerCommand(customerId, name, expectedVersion);
    }

    private ChangeCreditLimitCommand changeCreditLimit(String creditLimit, Long expectedVersion) {
        return new ChangeCreditLimitCommand(customerId, Money.of(creditLimit), expectedVersion);
    }

    private ReserveCreditCommand reserveCredit(UUID paymentId, String amount) {
        return new ReserveCreditCommand(customerId, paymentId, Money.of(amount));
    }

    private ReleaseCreditCommand releaseCredit(UUID paymentId) {
        return new ReleaseCreditCommand(customerId, paymentId);
    }

    // Events

    /** Ann Lee, with a credit limit of 100. */
    private CustomerRegisteredEvent registered() {
        return registered("Ann Lee", EMAIL);
    }

    private CustomerRegisteredEvent registered(String name, String email) {
        return new CustomerRegisteredEvent(customerId, name, email, Money.of(CREDIT_LIMIT));
    }

    private CustomerRenamedEvent renamed(String name) {
        return new CustomerRenamedEvent(customerId, name);
    }

    private CreditLimitChangedEvent creditLimitChanged(String creditLimit) {
        return new CreditLimitChangedEvent(customerId, Money.of(creditLimit));
    }

    private CreditReservedEvent creditReserved(UUID paymentId, String amount) {
        return new CreditReservedEvent(customerId, paymentId, Money.of(amount));
    }

    private CreditReservationDeclinedEvent creditDeclined(UUID paymentId, String amount, String availableCredit) {
        return new CreditReservationDeclinedEvent(customerId, paymentId, Money.of(amount), Money.of(availableCredit));
    }

    private CreditReleasedEvent creditReleased(UUID paymentId, String amount) {
        return new CreditReleasedEvent(customerId, paymentId, Money.of(amount));
    }
}
