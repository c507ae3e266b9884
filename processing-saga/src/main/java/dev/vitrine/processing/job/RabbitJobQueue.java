package dev.vitrine.processing.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.rabbitmq.AcknowledgableDelivery;
import reactor.rabbitmq.BindingSpecification;
import reactor.rabbitmq.ConsumeOptions;
import reactor.rabbitmq.ExchangeSpecification;
import reactor.rabbitmq.OutboundMessage;
import reactor.rabbitmq.QueueSpecification;
import reactor.rabbitmq.RabbitFlux;
import reactor.rabbitmq.Receiver;
import reactor.rabbitmq.ReceiverOptions;
import reactor.rabbitmq.Sender;
import reactor.rabbitmq.SenderOptions;
import reactor.util.retry.Retry;

/**
 * The job queue on RabbitMQ: durable quorum queues (one per phase) behind a direct exchange. A job counts as submitted only once
 * the broker confirmed it; a worker acknowledges it only after its outcome is in the event store. A job that
 * cannot be read goes to the dead-letter queue. A job whose file crashed its workers is refused by the next worker
 * before it decodes the file (the worker counts the decodes); should that too fail, the broker dead-letters it
 * after {@code deliveryLimit} deliveries rather than let it circle forever.
 */
public final class RabbitJobQueue implements JobQueue, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RabbitJobQueue.class);
    static final String EXCHANGE = "vitrine.jobs";
    static final String DEAD_LETTER_EXCHANGE = "vitrine.jobs.dead";
    private static final Duration RETRY_SUBMIT_TIMEOUT = Duration.ofSeconds(10);

    private final Sender sender;
    private final Receiver receiver;
    private final ObjectMapper json;
    private final String queue;
    private final int deliveryLimit;
    private final String location;
    private final Mono<Void> topology;
    private final ConnectionFactory counting;
    private Connection countingConnection;

    public RabbitJobQueue(ConnectionFactory connections, ObjectMapper json, String queue, int deliveryLimit) {
        this.counting = connections.clone();
        counting.setAutomaticRecoveryEnabled(false);
        counting.setConnectionTimeout(5000);
        connections.setAutomaticRecoveryEnabled(true);
        connections.useNio();
        this.sender = RabbitFlux.createSender(new SenderOptions().connectionFactory(connections));
        this.receiver = RabbitFlux.createReceiver(new ReceiverOptions().connectionFactory(connections));
        this.json = json;
        this.queue = queue;
        this.deliveryLimit = deliveryLimit;
        this.location = "amqp://" + connections.getHost() + ":" + connections.getPort() + connections.getVirtualHost()
                + " queue " + queue;
        // declared once it works; a failure (broker down) is tried again by the next use
        this.topology =
                declare().cache(done -> Duration.ofDays(3650), failure -> Duration.ZERO, () -> Duration.ofDays(3650));
    }

    /** The publishing halves queue under the configured name, the completing halves beside it. */
    String queueOf(ProcessImageJob.Phase phase) {
        return phase == ProcessImageJob.Phase.PUBLISH ? queue : queue + ".complete";
    }

    private Mono<Void> declare() {
        String deadQueue = queue + ".dead";
        return sender.declare(
                        ExchangeSpecification.exchange(EXCHANGE).type("direct").durable(true))
                .then(sender.declare(ExchangeSpecification.exchange(DEAD_LETTER_EXCHANGE)
                        .type("direct")
                        .durable(true)))
                .then(sender.declare(QueueSpecification.queue(deadQueue).durable(true)))
                .then(sender.bind(BindingSpecification.binding(DEAD_LETTER_EXCHANGE, deadQueue, deadQueue)))
                .thenMany(Flux.fromArray(ProcessImageJob.Phase.values())
                        .map(this::queueOf)
                        .concatMap(name -> sender.declare(QueueSpecification.queue(name)
                                        .durable(true)
                                        .arguments(Map.of(
                                                "x-queue-type", "quorum",
                                                "x-delivery-limit", deliveryLimit,
                                                "x-dead-letter-exchange", DEAD_LETTER_EXCHANGE,
                                                "x-dead-letter-routing-key", deadQueue)))
                                .then(sender.bind(BindingSpecification.binding(EXCHANGE, name, name)))))
                .then();
    }

    @Override
    public Mono<Void> submit(ProcessImageJob job) {
        return topology.then(Mono.fromCallable(() -> json.writeValueAsBytes(job)))
                .flatMap(body -> sender.sendWithPublishConfirms(Mono.just(new OutboundMessage(
                                EXCHANGE,
                                queueOf(job.phase()),
                                new AMQP.BasicProperties.Builder()
                                        .deliveryMode(2)
                                        .contentType("application/json")
                                        .messageId(job.jobId().toString())
                                        .build(),
                                body)))
                        .next())
                .flatMap(result -> result.isAck()
                        ? Mono.<Void>empty()
                        : Mono.error(new IOException("RabbitMQ did not confirm job " + job.jobId())));
    }

    /**
     * Ready messages of each queue, by passive declares on a connection of their own that does not recover: the
     * recovering connections would record a passive declare as a real one, and declare it again (wrongly) after a
     * broker restart. What workers hold is not the broker's to count here.
     */
    @Override
    public Mono<QueueDepth> depth() {
        return topology.then(Mono.fromCallable(() -> {
                    synchronized (counting) {
                        try (Channel channel = countingConnection().createChannel()) {
                            return new QueueDepth(
                                    channel.queueDeclarePassive(queueOf(ProcessImageJob.Phase.PUBLISH))
                                            .getMessageCount(),
                                    channel.queueDeclarePassive(queueOf(ProcessImageJob.Phase.COMPLETE))
                                            .getMessageCount(),
                                    null,
                                    (long) channel.queueDeclarePassive(queue + ".dead")
                                            .getMessageCount(),
                                    null);
                        }
                    }
                })
                .subscribeOn(Schedulers.boundedElastic()));
    }

    private Connection countingConnection() throws IOException, TimeoutException {
        if (countingConnection == null || !countingConnection.isOpen()) {
            countingConnection = counting.newConnection("vitrine-queue-depth");
        }
        return countingConnection;
    }

    @Override
    public Flux<JobDelivery> deliveries(int publishing, int completing) {
        return Flux.merge(
                consume(queueOf(ProcessImageJob.Phase.PUBLISH), publishing),
                consume(queueOf(ProcessImageJob.Phase.COMPLETE), completing));
    }

    private Flux<JobDelivery> consume(String name, int prefetch) {
        return topology.thenMany(Flux.defer(() -> receiver.consumeManualAck(name, new ConsumeOptions().qos(prefetch))))
                .<JobDelivery>handle((delivery, sink) -> {
                    try {
                        sink.next(new Delivery(json.readValue(delivery.getBody(), ProcessImageJob.class), delivery));
                    } catch (IOException unreadable) {
                        log.error("Dead-lettering an unreadable job: {}", unreadable.getMessage());
                        delivery.nack(false);
                    }
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(signal -> log.warn(
                                "Job queue consumer lost its broker ({}); reconnecting",
                                signal.failure().getMessage())));
    }

    @Override
    public String describe() {
        return location;
    }

    @Override
    public boolean external() {
        return true;
    }

    @Override
    public void close() {
        sender.close();
        receiver.close();
        synchronized (counting) {
            if (countingConnection != null && countingConnection.isOpen()) {
                try {
                    countingConnection.close();
                } catch (IOException | RuntimeException ignored) {
                    // closing: the broker drops it with the socket anyway
                }
            }
        }
    }

    private final class Delivery implements JobDelivery {
        private final ProcessImageJob job;
        private final AcknowledgableDelivery delivery;

        Delivery(ProcessImageJob job, AcknowledgableDelivery delivery) {
            this.job = job;
            this.delivery = delivery;
        }

        @Override
        public ProcessImageJob job() {
            return job;
        }

        /** A quorum queue counts the deliveries that ended without an acknowledgement (a nack, a lost consumer). */
        @Override
        public int unfinished() {
            Map<String, Object> headers = delivery.getProperties().getHeaders();
            Object count = headers == null ? null : headers.get("x-delivery-count");
            return count instanceof Number number ? number.intValue() : 0;
        }

        @Override
        public void done() {
            delivery.ack();
        }

        /**
         * Queued again as a new message, then acknowledged: a nack would count as a crash (the broker cannot tell
         * them apart), and a job given back while the event store is down is no poison. A crash in between leaves
         * the job twice in the queue, which changes nothing recorded.
         */
        @Override
        public void retryLater() {
            try {
                submit(job).block(RETRY_SUBMIT_TIMEOUT);
                delivery.ack();
            } catch (RuntimeException failure) {
                log.warn(
                        "Job {} could not be queued again ({}); the broker gets it back",
                        job.jobId(),
                        failure.toString());
                delivery.nack(true);
            }
        }
    }
}
