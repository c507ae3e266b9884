package dev.vitrine.eventlog.amqp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConnectionFactory;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.eventlog.log.IntegrationLog;
import dev.vitrine.eventlog.log.LogFilter;
import dev.vitrine.eventlog.log.LogProcessor;
import dev.vitrine.eventlog.log.LogRecord;
import dev.vitrine.eventlog.log.LogSignal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.rabbitmq.ExchangeSpecification;
import reactor.rabbitmq.OutboundMessage;
import reactor.rabbitmq.OutboundMessageResult;
import reactor.rabbitmq.RabbitFlux;
import reactor.rabbitmq.Sender;
import reactor.rabbitmq.SenderOptions;

/**
 * Publishes the integration log to RabbitMQ, in order, a batch at a time: the batch's position is stored only once
 * the broker confirmed every message of it, in the transaction that holds the feed's row locked (so one node
 * publishes at a time). A broker outage delays the events and loses none; commands never wait for it. A batch
 * confirmed but not yet recorded when a node dies is published again: its messages carry the same ids.
 */
final class AmqpFeed implements SmartLifecycle {

    static final String FEED = "amqp";
    private static final Logger log = LoggerFactory.getLogger(AmqpFeed.class);

    private final ConnectionFactory connections;
    private final AmqpSettings settings;
    private final IntegrationLog integrationLog;
    private final LogSignal signal;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final String source;
    /** One thread that may block: the feed waits for the broker's confirms there, never on an event loop. */
    private final Scheduler thread = Schedulers.newBoundedElastic(1, 16, "amqp-feed");

    private Sender sender;
    private Disposable running;
    private volatile boolean failing;

    AmqpFeed(
            ConnectionFactory connections,
            AmqpSettings settings,
            IntegrationLog integrationLog,
            LogSignal signal,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ObjectMapper json,
            LogProcessor.Settings log) {
        this.connections = connections;
        this.settings = settings;
        this.integrationLog = integrationLog;
        this.signal = signal;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.source = log.source();
    }

    @Override
    public synchronized void start() {
        jdbc.update("INSERT INTO event_log_feed (name, position) VALUES (?, 0) ON CONFLICT DO NOTHING", FEED);
        running = Flux.merge(Flux.just(0L), signal.heads(), Flux.interval(Duration.ofMillis(500)))
                .onBackpressureLatest()
                .publishOn(thread, 1)
                .subscribe(tick -> publishWhatIsNew());
    }

    /** Publishes batches until the feed has caught up with the log, or something fails (tried again later). */
    private void publishWhatIsNew() {
        try {
            while (Boolean.TRUE.equals(transactions.execute(status -> publishOneBatch()))) {
                // more may be waiting
            }
            if (failing) {
                failing = false;
                log.info("The AMQP event feed publishes again");
            }
        } catch (RuntimeException failure) {
            if (!failing) {
                failing = true;
                log.warn(
                        "The AMQP event feed could not publish ({}); it tries again every {}",
                        failure.toString(),
                        settings.retryDelay());
            }
            closeSender();
            sleep(settings.retryDelay());
        }
    }

    /** True when it published a full batch (there may be more). */
    private boolean publishOneBatch() {
        List<Long> locked = jdbc.queryForList(
                "SELECT position FROM event_log_feed WHERE name = ? FOR UPDATE SKIP LOCKED", Long.class, FEED);
        if (locked.isEmpty()) {
            return false; // another node is publishing
        }
        List<LogRecord> batch =
                integrationLog.after(locked.getFirst(), LogFilter.everything(Actor.system()), settings.batch());
        if (batch.isEmpty()) {
            return false;
        }
        List<OutboundMessageResult> results = sender().sendWithPublishConfirms(
                        Flux.fromIterable(batch).map(this::message))
                .take(batch.size())
                .collectList()
                .block(settings.confirmTimeout());
        if (results == null
                || results.size() < batch.size()
                || !results.stream().allMatch(OutboundMessageResult::isAck)) {
            throw new IllegalStateException("the broker did not confirm every event of the batch");
        }
        jdbc.update(
                "UPDATE event_log_feed SET position = ? WHERE name = ?",
                batch.getLast().position(),
                FEED);
        return batch.size() == settings.batch();
    }

    private OutboundMessage message(LogRecord record) {
        try {
            byte[] body = json.writeValueAsBytes(record.cloudEvent(source, json));
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .contentType("application/cloudevents+json")
                    .contentEncoding(StandardCharsets.UTF_8.name())
                    .messageId(record.eventId())
                    .type(record.type())
                    .deliveryMode(2)
                    .headers(Map.of(
                            "cloudEvents:sequence",
                            Long.toString(record.position()),
                            "cloudEvents:partitionkey",
                            record.galleryId().toString()))
                    .build();
            // restricted as the feed reads it: an event of a gallery that stopped being public before the feed got
            // to it goes to the restricted exchange (what the public exchange delivered before cannot be recalled)
            return new OutboundMessage(
                    record.restricted() ? settings.restrictedExchange() : settings.exchange(),
                    record.type(),
                    properties,
                    body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized Sender sender() {
        if (sender == null) {
            sender = RabbitFlux.createSender(new SenderOptions().connectionFactory(connections));
            for (String exchange : List.of(settings.exchange(), settings.restrictedExchange())) {
                sender.declareExchange(ExchangeSpecification.exchange(exchange)
                                .type("topic")
                                .durable(true))
                        .block(settings.confirmTimeout());
            }
        }
        return sender;
    }

    private synchronized void closeSender() {
        if (sender != null) {
            try {
                sender.close();
            } catch (RuntimeException ignored) {
                // the connection is gone already
            }
            sender = null;
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
        closeSender();
        thread.dispose();
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }
}
