package dev.orderflow.shared.error;

import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.error.ErrorController;

import static org.assertj.core.api.Assertions.assertThat;

/** Which error answers a service gets, with and without Tomcat. */
class ErrorMappingAutoConfigurationTest {

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ErrorMappingAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
                    DispatcherServletAutoConfiguration.class,
                    JacksonAutoConfiguration.class, WebMvcAutoConfiguration.class));

    @Test
    void theProblemErrorPageTakesThePlaceOfSpringBootsAndTomcatGetsTheProblemReportValve() {
        service.run(context -> {
            assertThat(context).hasSingleBean(ErrorController.class).hasSingleBean(ProblemErrorController.class)
                    .doesNotHaveBean(BasicErrorController.class)
                    .hasSingleBean(ProblemDetailsAdvice.class).hasBean("problemReportValve");
        });
    }

    @Test
    void withoutTomcatThereIsNoValveToInstallButTheRestStays() {
        service.withClassLoader(new FilteredClassLoader(Tomcat.class))
                .run(context -> assertThat(context).doesNotHaveBean("problemReportValve")
                        .hasSingleBean(ProblemErrorController.class).hasSingleBean(ProblemDetailsAdvice.class));
    }
}
