package dev.vitrine.app.limits;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Limits are read as {@code 10/15m}; the sweep of expired buckets runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LimitsConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    static LimitFromText limitFromText() {
        return new LimitFromText();
    }

    /** A class, not a lambda: Spring reads the source and target types of a converter from its declaration. */
    static final class LimitFromText implements Converter<String, Limit> {
        @Override
        public Limit convert(String text) {
            return Limit.parse(text);
        }
    }
}
