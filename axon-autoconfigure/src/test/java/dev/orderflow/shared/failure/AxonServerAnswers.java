package dev.orderflow.shared.failure;

import io.axoniq.axonserver.grpc.ErrorMessage;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.ErrorCode;

/** Failures as Axon Server and Axon's connector make them, for tests that cannot reach a real Axon Server. */
public final class AxonServerAnswers {

    private AxonServerAnswers() {
    }

    /**
     * Axon Server's event store refusing an append at a taken sequence number, as its gRPC status arrives on commit:
     * the code in the {@code AxonIQ-ErrorCode} trailer and at the head of the description.
     */
    public static StatusRuntimeException invalidSequence(String aggregateId, long sequenceNumber, long expected) {
        return status(Status.OUT_OF_RANGE, "AXONIQ-2000", "Invalid sequence number %d for aggregate %s, expected %d"
                .formatted(sequenceNumber, aggregateId, expected));
    }

    public static StatusRuntimeException status(Status status, String code, String message) {
        Metadata trailers = new Metadata();
        trailers.put(Metadata.Key.of("AxonIQ-ErrorCode", Metadata.ASCII_STRING_MARSHALLER), code);
        return status.withDescription("[" + code + "] " + message).asRuntimeException(trailers);
    }

    /** What a sender receives for an answer with this code and message, converted by Axon's connector. */
    public static RuntimeException received(String code, String message) {
        return ErrorCode.getFromCode(code).convert(
                ErrorMessage.newBuilder().setErrorCode(code).setMessage(message).setLocation("axonserver").build());
    }
}
