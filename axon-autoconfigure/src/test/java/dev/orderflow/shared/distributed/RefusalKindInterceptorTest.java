package dev.orderflow.shared.distributed;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.api.refusal.RefusalKind;
import dev.orderflow.shared.failure.DomainErrors;
import dev.orderflow.shared.failure.RemoteDomainError;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class RefusalKindInterceptorTest {

    private final RefusalKindInterceptor interceptor = new RefusalKindInterceptor();

    @Test
    void aBrokenRuleTravelsAsCommandExecutionExceptionWithItsKindAndMessage() {
        DomainException refusal = DomainException.ruleViolated("Product 7 appears on more than one line");

        Throwable sent = handleThrowing(refusal);

        assertThat(sent).isInstanceOf(CommandExecutionException.class).hasCause(refusal)
                        .hasMessage("Product 7 appears on more than one line");
        assertThat(details(sent)).isEqualTo(new RemoteDomainError(RefusalKind.RULE_VIOLATED,
                                                                  "Product 7 appears on more than one line"));
    }

    @Test
    void aConflictAndAMissingResourceKeepTheirKinds() {
        assertThat(details(handleThrowing(DomainException.conflict("The email a@b.c is already registered"))).kind())
                .isEqualTo(RefusalKind.CONFLICT);
        assertThat(details(handleThrowing(DomainException.notFound("No order 9"))).kind())
                .isEqualTo(RefusalKind.NOT_FOUND);
    }

    @Test
    void anUnknownAggregateIsNotFoundWithTheWordsOfTheEmbeddedMode() {
        Throwable sent = handleThrowing(new AggregateNotFoundException("42", "The aggregate was not found"));

        assertThat(details(sent)).isEqualTo(new RemoteDomainError(RefusalKind.NOT_FOUND, "Nothing exists with id 42"));
    }

    @Test
    void anIdOfAnotherAggregateTypeIsNotFoundAcrossAxonServer() {
        Throwable sent = handleThrowing(new IncompatibleAggregateException("Aggregate identifier must be non-null after applying an event"));

        assertThat(details(sent)).isEqualTo(new RemoteDomainError(RefusalKind.NOT_FOUND, DomainErrors.NO_SUCH_AGGREGATE_TYPE));
    }

    @Test
    void aStaleVersionIsAConflict() {
        Throwable sent = handleThrowing(new ConflictingAggregateVersionException("42", 0, 3));

        assertThat(details(sent)).isEqualTo(new RemoteDomainError(RefusalKind.CONFLICT,
                "The resource was changed since the version you sent (If-Match); read it again and retry"));
    }

    @Test
    void theSenderReadsTheKindFromTheDetailsAlone() {
        CommandExecutionException sent = (CommandExecutionException) handleThrowing(DomainException.notFound("No order 9"));
        // What Axon Server delivers: the message and the details, not the cause.
        CommandExecutionException received = new CommandExecutionException(sent.getMessage(), null, details(sent));

        assertThat(DomainErrors.kindOf(received)).contains(RefusalKind.NOT_FOUND);
    }

    @Test
    void aFailureThatIsNoRefusalPassesUnchanged() {
        IllegalStateException failure = new IllegalStateException("connection reset");

        assertThat(handleThrowing(failure)).isSameAs(failure);
    }

    @Test
    void aRefusalThatCarriesItsKindAlreadyIsNotWrappedTwice() {
        CommandExecutionException refusal = new CommandExecutionException("taken", null,
                new RemoteDomainError(RefusalKind.CONFLICT, "taken"));

        assertThat(handleThrowing(refusal)).isSameAs(refusal);
    }

    @Test
    void aResultPassesUnchanged() throws Exception {
        assertThat(interceptor.handle(unitOfWork(), () -> 3L)).isEqualTo(3L);
    }

    @Test
    void aRefusalWrappedByTheFrameworkIsFoundInside() {
        DomainException refusal = DomainException.conflict("The email a@b.c is already registered to another customer");

        Throwable sent = handleThrowing(new IllegalStateException("event handling failed", refusal));

        assertThat(details(sent)).isEqualTo(new RemoteDomainError(RefusalKind.CONFLICT,
                "The email a@b.c is already registered to another customer"));
    }

    private Throwable handleThrowing(Exception failure) {
        InterceptorChain failingHandler = () -> {
            throw failure;
        };
        Throwable thrown = catchThrowable(() -> interceptor.handle(unitOfWork(), failingHandler));
        assertThat(thrown).as("the interceptor rethrows").isNotNull();
        return thrown;
    }

    private static RemoteDomainError details(Throwable sent) {
        assertThat(sent).isInstanceOf(CommandExecutionException.class);
        return ((CommandExecutionException) sent).<RemoteDomainError>getDetails().orElseThrow();
    }

    private static DefaultUnitOfWork<CommandMessage<?>> unitOfWork() {
        return new DefaultUnitOfWork<>(GenericCommandMessage.asCommandMessage("command"));
    }
}
