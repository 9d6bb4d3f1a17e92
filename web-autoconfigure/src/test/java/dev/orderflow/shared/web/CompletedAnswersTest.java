package dev.orderflow.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A future that is complete when the endpoint returns is answered at once; one still running goes asynchronous. */
class CompletedAnswersTest {

    record Added(String id) {
    }

    @RestController
    static class Endpoints {

        final CompletableFuture<ResponseEntity<Added>> running = new CompletableFuture<>();

        @GetMapping("/done")
        CompletableFuture<ResponseEntity<Added>> done() {
            return CompletableFuture.completedFuture(ResponseEntity.created(URI.create("/things/7")).body(new Added("7")));
        }

        @GetMapping("/refused")
        CompletableFuture<ResponseEntity<Added>> refused() {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no such thing"));
        }

        @GetMapping("/running")
        CompletableFuture<ResponseEntity<Added>> running() {
            return running;
        }

        @ExceptionHandler
        ResponseEntity<String> refusal(IllegalArgumentException refusal) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(refusal.getMessage());
        }
    }

    @Configuration
    static class WithEndpoints {
        @Bean
        Endpoints endpoints() {
            return new Endpoints();
        }
    }

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
                    CompletedAnswersAutoConfiguration.class))
            .withUserConfiguration(WithEndpoints.class);

    @Test
    void aCompletedFutureIsAnsweredWithoutAnAsynchronousDispatch() {
        runner.run(context -> {
            MvcResult result = mvc(context).perform(get("/done"))
                    .andExpect(request().asyncNotStarted())
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/things/7"))
                    .andReturn();
            assertThat(result.getResponse().getContentAsString()).isEqualTo("{\"id\":\"7\"}");
        });
    }

    @Test
    void aFailedFutureReachesTheExceptionHandlersWithItsCause() {
        runner.run(context -> mvc(context).perform(get("/refused"))
                .andExpect(request().asyncNotStarted())
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string("no such thing")));
    }

    @Test
    void aRunningFutureIsAnsweredAsynchronouslyWhenItCompletes() {
        runner.run(context -> {
            MockMvc mvc = mvc(context);
            MvcResult started = mvc.perform(get("/running")).andExpect(request().asyncStarted()).andReturn();
            context.getBean(Endpoints.class).running.complete(ResponseEntity.ok(new Added("8")));

            mvc.perform(asyncDispatch(started))
                    .andExpect(status().isOk())
                    .andExpect(content().json("{\"id\":\"8\"}"));
        });
    }

    @Test
    void turnedOffSpringMvcDispatchesEvenACompletedFutureAgain() {
        runner.withPropertyValues("orderflow.web.completed-answers-in-line=false").run(context ->
                mvc(context).perform(get("/done")).andExpect(request().asyncStarted()));
    }

    private static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).build();
    }
}
