package dev.orderflow.distributed.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Says in the build's output, in one line, that a Testcontainers test class is skipped because no Docker engine
 * runs, and why that matters; registered before {@code @Testcontainers(disabledWithoutDocker = true)}, which skips it
 * in the same case with a reason only the test report shows.
 */
public class SaysWhenDockerIsMissing implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() || DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("Docker is available");
        }
        String reason = "SKIPPED " + context.getDisplayName() + ": no Docker engine here, and these tests run Axon Server "
                        + "and Postgres in containers; they run wherever Docker does";
        System.out.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
