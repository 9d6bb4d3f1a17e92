package dev.orderflow.distributed.support;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Failures as Axon Server answers them (its gRPC status: the error code in the {@code AxonIQ-ErrorCode} trailer and
 * at the head of the description), for tests that cannot reach a real Axon Server. The shared module's unit tests
 * have the same factory; test code of one module cannot be used by another here.
 */
public final class AxonServerAnswers {

    private AxonServerAnswers() {
    }

    /** Axon Server's event store refusing an append at a taken sequence number, as it arrives on commit. */
    public static StatusRuntimeException invalidSequence(String aggregateId, long sequenceNumber, long expected) {
        return status(Status.OUT_OF_RANGE, "AXONIQ-2000", "Invalid sequence number %d for aggregate %s, expected %d"
                .formatted(sequenceNumber, aggregateId, expected));
    }

    public static StatusRuntimeException status(Status status, String code, String message) {
        Metadata trailers = new Metadata();
        trailers.put(Metadata.Key.of("AxonIQ-ErrorCode", Metadata.ASCII_STRING_MARSHALLER), code);
        return status.withDescription("[" + code + "] " + message).asRuntimeException(trailers);
    }
}
