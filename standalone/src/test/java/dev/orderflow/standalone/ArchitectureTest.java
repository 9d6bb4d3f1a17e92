package dev.orderflow.standalone;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Table;
import org.axonframework.spring.stereotype.Aggregate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout the code keeps: a framework-free shared language, aggregates that know nothing of the web or of
 * tables, and services that share nothing but that language and the infrastructure starter. The standalone is
 * the one module whose class path holds every other, so the rules live here.
 */
@AnalyzeClasses(packages = "dev.orderflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Spring's web and security, servlets, and every way to reach a database. */
    private static final String[] WEB_SECURITY_PERSISTENCE = {"org.springframework.web..", "org.springframework.http..",
            "jakarta.servlet..", "org.springframework.security..", "jakarta.persistence..", "org.hibernate..",
            "org.springframework.data..", "org.springframework.jdbc..", "org.springframework.orm..", "java.sql..",
            "javax.sql..", "org.postgresql.."};

    /** The packages of {@code axon-autoconfigure} and of {@code web-autoconfigure}. */
    private static final String[] AXON_AUTOCONFIGURATION = {"dev.orderflow.shared.admin..", "dev.orderflow.shared.command..",
            "dev.orderflow.shared.config..", "dev.orderflow.shared.database..", "dev.orderflow.shared.deadletter..",
            "dev.orderflow.shared.distributed..", "dev.orderflow.shared.eventhandling..", "dev.orderflow.shared.eventstore..",
            "dev.orderflow.shared.failure..", "dev.orderflow.shared.upcasting.."};
    private static final String[] WEB_AUTOCONFIGURATION = {"dev.orderflow.shared.adminapi..", "dev.orderflow.shared.error..",
            "dev.orderflow.shared.json..", "dev.orderflow.shared.openapi..", "dev.orderflow.shared.security..",
            "dev.orderflow.shared.web.."};

    /** The command side's schema (its email registry and known aggregates). */
    private static final String COMMAND_SCHEMA = "command";

    @ArchTest
    static final ArchRule theApiDependsOnlyOnMessagingAndJson = classes()
            .that().resideInAPackage("dev.orderflow.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.orderflow.api..", "java..",
                    "org.axonframework.modelling.command..", "org.axonframework.serialization..",
                    "com.fasterxml.jackson..")
            .because("commands, events, queries and refusals are the language every service shares, whatever it runs on");

    @ArchTest
    static final ArchRule aggregatesKnowNoWebNorTables = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage(WEB_SECURITY_PERSISTENCE)
            .orShould().dependOnClassesThat().resideInAPackage("dev.orderflow.shared.error..")
            .because("an aggregate refuses with the API's DomainException; the web layer alone maps it to HTTP");

    @ArchTest
    static final ArchRule noServiceDependsOnAnother = slices()
            .matching("dev.orderflow.(command|query|saga)..")
            .should().notDependOnEachOther()
            .because("each service owns its data and hears of the others only through their events");

    @ArchTest
    static final ArchRule theAxonAutoConfigurationKnowsNoWeb = noClasses()
            .that().resideInAnyPackage(AXON_AUTOCONFIGURATION)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                    "jakarta.servlet..", "org.springframework.security..")
            .orShould().dependOnClassesThat().resideInAnyPackage(WEB_AUTOCONFIGURATION)
            .because("a service without an HTTP API runs on it; the web module builds on it, never the other way");

    @ArchTest
    static final ArchRule theAutoConfigurationDependsOnNoService = noClasses()
            .that().resideInAPackage("dev.orderflow.shared..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.orderflow.command..", "dev.orderflow.query..",
                    "dev.orderflow.saga..", "dev.orderflow.standalone..", "dev.orderflow.bench..");

    @ArchTest
    static final ArchRule theQuerySideMapsOnlyItsOwnTables = classes()
            .that().resideInAPackage("dev.orderflow.query..").and().areAnnotatedWith(Table.class)
            .should(mapATableOfItsOwnSchema());

    private static ArchCondition<JavaClass> mapATableOfItsOwnSchema() {
        return new ArchCondition<>("map a table of a read model's own schema, never the command side's") {
            @Override
            public void check(JavaClass entity, ConditionEvents events) {
                String schema = entity.getAnnotationOfType(Table.class).schema();
                if (schema.isEmpty() || schema.equals(COMMAND_SCHEMA)) {
                    events.add(SimpleConditionEvent.violated(entity, entity.getName() + " maps a table of schema '"
                            + schema + "': a read model keeps its tables in a schema of its own"));
                }
            }
        };
    }
}
