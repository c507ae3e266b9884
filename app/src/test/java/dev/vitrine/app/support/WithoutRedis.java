package dev.vitrine.app.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** After {@link TestDatabaseInitializer}: a test context told of no Redis, as a fresh installation is. */
public class WithoutRedis implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // TestPropertyValues keeps what TestDatabaseInitializer set in the property source called "test"
        if (context.getEnvironment().getPropertySources().get("test") instanceof MapPropertySource test) {
            test.getSource().keySet().removeIf(name -> name.startsWith("spring.data.redis."));
        }
        if (context.getEnvironment().containsProperty("spring.data.redis.host")) {
            throw new IllegalStateException("Redis is still configured for this test context");
        }
    }
}
