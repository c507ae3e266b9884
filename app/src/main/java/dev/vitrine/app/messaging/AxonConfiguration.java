package dev.vitrine.app.messaging;

import dev.vitrine.api.upcasting.Upcasters;
import dev.vitrine.eventlog.chain.ChainedEventStorageEngine;
import java.time.Clock;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon on PostgreSQL without Axon Server: the pieces Spring Boot's auto-configuration does not get right alone. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * Two nodes appending to one aggregate at once collide on (aggregateIdentifier, sequenceNumber). PostgreSQL
     * reports it as SQL state 23505; recognising it makes the loser a ConcurrencyException (retried, then 409)
     * instead of an opaque storage failure.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Stored events of older names and revisions, read as the current ones. One chain, in its own order (Axon
     * applies every EventUpcaster bean; this is the only one).
     */
    @Bean
    EventUpcasterChain eventUpcasters() {
        return Upcasters.chain();
    }

    @Bean
    CorrelationDataProvider eventMetadataProvider() {
        return new EventMetadataProvider();
    }

    /**
     * Events in PostgreSQL through JDBC, serialized with Jackson, each chained to its aggregate's previous event by
     * a hash in its metadata (tamper evidence for auditors). Declared here because declaring the event store (below)
     * turns Axon's own JDBC storage auto-configuration off.
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration config,
            ConnectionProvider connectionProvider,
            TransactionManager transactions,
            EventStoreSettings settings) {
        return new ChainedEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(config.upcasterChain())
                .snapshotFilter(config.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactions)
                .schema(new EventSchema())
                .batchSize(settings.batchSize()));
    }

    /**
     * The event store in front of the JDBC storage. Processors on this node are woken when an event is committed
     * here; events committed by other nodes are fetched every {@code fetchDelay}.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration config,
            EventStoreSettings settings) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(config.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(config.getComponent(EventBusSpanFactory.class))
                .fetchDelay(settings.fetchDelay().toMillis())
                .build();
    }

    /**
     * Tracking processors claim segments through the token store and block on the stream until events come. A
     * handler that fails makes its processor retry the event (with back-off) instead of skipping it: a projection
     * must never silently miss an event.
     */
    @Autowired
    void trackingByDefault(EventProcessingConfigurer processing) {
        processing
                .usingTrackingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
