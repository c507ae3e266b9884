package dev.vitrine.query.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;

/** Redis when it is configured, an in-process cache otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheSettings.class)
class CacheConfiguration {

    static final String REDIS_CONFIGURED = "'${spring.data.redis.host:}' != '' or '${spring.data.redis.url:}' != ''";

    @Bean
    @ConditionalOnExpression(REDIS_CONFIGURED)
    ReadCache redisReadCache(ReactiveRedisConnectionFactory connections, CacheSettings settings) {
        var serialization = RedisSerializationContext.<String, byte[]>newSerializationContext(
                        RedisSerializer.byteArray())
                .key(RedisSerializer.string())
                .hashKey(RedisSerializer.string())
                .build();
        return new RedisReadCache(new ReactiveRedisTemplate<>(connections, serialization), settings);
    }

    @Bean
    @ConditionalOnMissingBean(ReadCache.class)
    ReadCache localReadCache(CacheSettings settings) {
        return new LocalReadCache(settings.localSize().toBytes(), settings.versionLifetime());
    }

    /**
     * While Redis is down a read must not queue behind a reconnecting connection: commands fail at once and the
     * read goes to PostgreSQL.
     */
    @Bean
    LettuceClientConfigurationBuilderCustomizer failFastRedis() {
        return builder -> builder.clientOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofMillis(500)))
                .build());
    }
}
