package dev.orderflow.shared.error;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBody the largest request body any endpoint accepts; larger ones are refused with 413
 *                       before they are read, so an oversized body cannot tie up memory
 */
@ConfigurationProperties("orderflow.http")
public record RequestBodyLimit(@DefaultValue("64KB") DataSize maxRequestBody) {
}
