package dev.orderflow.shared.eventhandling;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveEventsMonitorTest {

    private final List<Object> measured = new ArrayList<>();
    private final LiveEventsMonitor monitor = new LiveEventsMonitor(new MessageMonitor<>() {
        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            measured.add(message.getPayload());
            return NoOpMessageMonitorCallback.INSTANCE;
        }
    });

    @Test
    void measuresLiveEventsAndLeavesOutTheOnesAReplayHandlesAgain() {
        // A replay from the start up to position 10, the head when it was asked for.
        TrackingToken replaying = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10));

        monitor.onMessageIngested(tracked("live", new GlobalSequenceTrackingToken(11)));
        monitor.onMessageIngested(tracked("replayed", ((ReplayToken) replaying).advancedTo(new GlobalSequenceTrackingToken(5))));
        monitor.onMessageIngested(tracked("past the replay", ((ReplayToken) replaying).advancedTo(new GlobalSequenceTrackingToken(11))));
        monitor.onMessageIngested(GenericEventMessage.asEventMessage("untracked"));

        assertThat(measured).containsExactly("live", "past the replay", "untracked");
    }

    private static TrackedEventMessage<String> tracked(String payload, TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage(payload));
    }
}
