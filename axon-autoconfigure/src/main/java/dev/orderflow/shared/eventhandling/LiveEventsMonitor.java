package dev.orderflow.shared.eventhandling;

import org.axonframework.config.MessageMonitorFactory;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

import javax.annotation.Nonnull;

/**
 * An event processor's message monitor (Axon's metrics) that leaves out the events a replay handles again.
 * <p>
 * Axon's metrics are about live processing: a replayed event's latency is its age (days, in a rebuild), and its
 * counters and timers would mix a rebuild into the live figures. Their cost is also the largest single piece of
 * a replay's work per event: the dimensional timers, looked up by processor and payload type for every event,
 * took about 15 % of the replaying worker thread in the bench's profile. A replay's progress and rate are in the
 * admin API and the {@code orderflow_processor_*} gauges. Events past the replay's end are live and measured.
 */
public final class LiveEventsMonitor implements MessageMonitor<Message<?>> {

    private final MessageMonitor<? super Message<?>> delegate;

    public LiveEventsMonitor(MessageMonitor<? super Message<?>> delegate) {
        this.delegate = delegate;
    }

    /** For {@code EventProcessingConfigurer.registerMessageMonitorFactory}: the configured monitor, live events only. */
    public static MessageMonitorFactory ofConfiguredMonitor() {
        return (configuration, componentType, componentName) ->
                new LiveEventsMonitor(configuration.messageMonitor(componentType, componentName));
    }

    @Override
    public MonitorCallback onMessageIngested(@Nonnull Message<?> message) {
        return ReplayToken.isReplay(message) ? NoOpMessageMonitorCallback.INSTANCE : delegate.onMessageIngested(message);
    }
}
