package dev.vitrine.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a random port, against the real PostgreSQL (a fresh database) and the in-process S3 server,
 * with its metrics exported as in production (Spring Boot's tests leave exporters off unless asked). Test classes
 * with this annotation and no other configuration share one running app.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
@AutoConfigureObservability
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface VitrineIntegrationTest {}
