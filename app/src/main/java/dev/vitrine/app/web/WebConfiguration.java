package dev.vitrine.app.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.operations.PublicAddress;
import org.openapitools.jackson.nullable.JsonNullableModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Request bodies are read strictly: an unknown field is a 400 naming it (a typo in "visibilty" must not be
 * silently ignored). Events and everything else keep Spring's lenient mapper.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

    private final ObjectMapper mapper;
    private final PublicAddress address;

    WebConfiguration(ObjectMapper mapper, PublicAddress address) {
        this.mapper = mapper;
        this.address = address;
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        ObjectMapper strict = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        configurer.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(strict));
        configurer.defaultCodecs().maxInMemorySize(64 * 1024);
    }

    /** PATCH bodies tell an absent field (keep it) from an explicit null (remove it). */
    @Bean
    static JsonNullableModule jsonNullableModule() {
        return new JsonNullableModule();
    }

    /**
     * Query parameters spell enum values as JSON does: {@code ?status=rejected}. Only an image's statuses can be
     * asked for; an upload's own (requested, expired) are no list of images.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, ImageStatus.class, value -> {
            ImageStatus status = ImageStatus.fromWireName(value.trim());
            if (!status.isOfAnImage()) {
                throw new IllegalArgumentException(value + " is not a status of an image");
            }
            return status;
        });
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CallerResolver(address));
    }
}
