package dev.orderflow.command.support;

import dev.orderflow.command.CommandSideApplication;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The command side on a real port and a real Postgres (embedded unless ORDERFLOW_DB_URL is set).
 * Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {CommandSideApplication.class, CommandSideTestSupport.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface CommandSideIntegrationTest {
}
