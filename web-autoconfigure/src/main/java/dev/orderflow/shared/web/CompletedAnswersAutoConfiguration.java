package dev.orderflow.shared.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts {@link CompletedAnswers} first among Spring MVC's return value handlers (a {@code WebMvcConfigurer} can
 * only add handlers after the built-in ones, and the built-in one for futures would win).
 * {@code orderflow.web.completed-answers-in-line=false} leaves Spring MVC as it is.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "orderflow.web", name = "completed-answers-in-line", havingValue = "true", matchIfMissing = true)
public class CompletedAnswersAutoConfiguration {

    @Bean
    static BeanPostProcessor completedAnswersFirst() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getReturnValueHandlers() != null) {
                    List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(adapter.getReturnValueHandlers());
                    handlers.add(0, new CompletedAnswers(List.copyOf(handlers)));
                    adapter.setReturnValueHandlers(handlers);
                }
                return bean;
            }
        };
    }
}
