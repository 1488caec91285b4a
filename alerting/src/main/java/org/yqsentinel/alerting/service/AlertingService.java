package org.yqsentinel.alerting.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.delivery.DeliveryBook;
import org.yqsentinel.alerting.delivery.Medium;
import org.yqsentinel.alerting.ledger.Ledger;
import org.yqsentinel.alerting.ledger.LedgerDocuments;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.connect.Backoff;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.rules.control.CaseStep;

/**
 * {@code ./yq alerting}: reads alert events from {@code yq.alerts} and makes sure the right people know, in
 * time, once. The decisions are the {@link DeliveryBook}'s; this class reads the ledger back into it at start and
 * then runs, around it:
 *
 * <ul>
 * <li>the {@link AlertConsumer}: a Kafka consumer (read-committed) that accepts events, commits its offsets only
 *     after the ledger holds what they caused, and sends malformed events to {@code yq.deadletter};</li>
 * <li>the {@link Dispatcher}: the planning tick that hands what is due to the channels, recording every attempt as
 *     under way before the channel is called. At a restart the ledger is read back, so what was pending is sent and
 *     what was sent is not sent again; an attempt found under way is in doubt, and its receipt is checked where the
 *     channel can tell (an SMS gateway's status query); e-mail is sent again under the same Message-ID; chat robots,
 *     which can neither be asked nor take an idempotency key, are not (at most once): {@code IN_DOUBT};</li>
 * <li>the {@link HttpEndpoint} with {@link Acknowledgements}: acknowledge links, short links, {@code /metrics}, {@code /health}.</li>
 * </ul>
 */
public final class AlertingService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertingService.class);
    /** Between attempts to write to the ledger while Elasticsearch is away: 0.5 s, doubling, at most 10 s. */
    private static final Backoff LEDGER_BACKOFF = Backoff.ofMillis(500, 10_000);

    private final ElasticsearchConnection elasticsearch;
    private final Ledger ledger;
    private final AlertingMetrics metrics;
    private final SharedBook book;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Dispatcher dispatcher;
    private final HttpEndpoint http;
    /** Writes dead letters and the steps people take on cases (acknowledged, responded) to yq.control. */
    private final KafkaProducer<byte[], byte[]> producer;
    private final AlertConsumer consumer;
    /** Counted down when the service has stopped: closed, or its consumer failed. */
    private final CountDownLatch ended = new CountDownLatch(1);

    private AlertingService(SentinelConfig config, RoutingRules routing, AckTokens tokens, Function<String, String> environment, Clock clock,
                            UnaryOperator<Channels> channels) {
        SentinelConfig.Alerting alerting = config.alerting();
        Senders senders = new Senders(alerting, routing, tokens, environment, clock);
        DeliveryBook book = new DeliveryBook(routing, settings(alerting), tokens::shortCode);
        this.book = new SharedBook(book);
        this.elasticsearch = ElasticsearchConnection.open(config);
        this.ledger = new Ledger(elasticsearch.client(), config.names());
        this.metrics = new AlertingMetrics(() -> this.book.with(DeliveryBook::pending));
        Instant now = clock.instant();
        Ledger.Restored restored = ledger.restore(now.minus(Duration.ofDays(alerting.restoreDays())));
        book.restore(restored.events(), restored.deliveries(), restored.acknowledgements());
        LOG.info("alerting: ledger {} read back: {} events, {} notifications ({} pending, {} in doubt), {} acknowledgements",
                ledger.deliveriesIndex(), restored.events().size(), restored.deliveries().size(), book.pending(), book.inDoubt(),
                restored.acknowledgements().size());
        LedgerWrites writes = new LedgerWrites(this::writeUntilDone, tokens);
        this.dispatcher = new Dispatcher(this.book, channels.apply(senders), ledger, writes, metrics, clock, alerting.silenceRefreshSeconds());
        String topic = config.names().alertsTopic();
        KafkaClients clients = KafkaClients.of(config);
        this.producer = clients.producer(Map.of());
        String control = config.names().controlTopic();
        this.http = new HttpEndpoint(alerting.httpHost(), alerting.httpPort(), new Acknowledgements(tokens, clock, this.book, ledger, writes,
                metrics, senders::token, () -> stopped(topic), step -> publish(control, step)), routing.timezone());
        KafkaConsumer<byte[], byte[]> kafka = clients.consumer(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, config.names().prefix() + config.alerting().consumerGroup(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100));
        this.consumer = new AlertConsumer(kafka, producer, config.names(), clock, this.book, metrics, writes, running::get, ended::countDown);
        consumer.start();
        dispatcher.start();
        LOG.info("alerting: reading {} on {}; acknowledge links and /metrics on http://{}:{} (links say {})", topic,
                config.kafkaBootstrapServers(), alerting.httpHost(), http.port(), alerting.linkBase());
    }

    /** Starts the service: reads the ledger back, then listens, consumes and dispatches until {@link #close()}. */
    public static AlertingService start(SentinelConfig config, RoutingRules routing, AckTokens tokens, Function<String, String> environment,
                                        Clock clock) {
        return new AlertingService(config, routing, tokens, environment, clock, UnaryOperator.identity());
    }

    /** For the crash tests: the service with its channels wrapped, e.g. to stop for good in the middle of a send. */
    static AlertingService start(SentinelConfig config, RoutingRules routing, AckTokens tokens, Function<String, String> environment,
                                 Clock clock, UnaryOperator<Channels> channels) {
        return new AlertingService(config, routing, tokens, environment, clock, channels);
    }

    /** The book's settings from the configuration. */
    public static DeliveryBook.Settings settings(SentinelConfig.Alerting alerting) {
        Map<Medium, DeliveryBook.RateLimit> limits = new EnumMap<>(Medium.class);
        SentinelConfig.RateLimits rates = alerting.rateLimits();
        if (rates.emailPerHour() > 0) {
            limits.put(Medium.EMAIL, new DeliveryBook.RateLimit(rates.emailPerHour(), Duration.ofHours(1)));
        }
        if (rates.smsPerHour() > 0) {
            limits.put(Medium.SMS, new DeliveryBook.RateLimit(rates.smsPerHour(), Duration.ofHours(1)));
        }
        if (rates.robotPerMinute() > 0) {
            limits.put(Medium.DINGTALK, new DeliveryBook.RateLimit(rates.robotPerMinute(), Duration.ofMinutes(1)));
            limits.put(Medium.WECOM, new DeliveryBook.RateLimit(rates.robotPerMinute(), Duration.ofMinutes(1)));
        }
        return new DeliveryBook.Settings(alerting.maxAttempts(), Duration.ofSeconds(alerting.firstRetrySeconds()),
                Duration.ofSeconds(alerting.maxRetrySeconds()), limits);
    }

    public int httpPort() {
        return http.port();
    }

    /** Notifications not yet final. */
    public int pending() {
        return book.with(DeliveryBook::pending);
    }

    public AlertingMetrics metrics() {
        return metrics;
    }

    /** Waits until the service has stopped: {@link #close()}d, or its consumer failed ({@link #failure()}). */
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    /** Why the service stopped on its own, or null while it runs or after a plain {@link #close()}. */
    public RuntimeException failure() {
        return consumer == null ? null : consumer.failure();  // null too while it starts
    }

    /** Publishes a person's step on a case for the monitor job, keyed by case; waits until Kafka has it. */
    private void publish(String topic, CaseStep step) {
        try {
            producer.send(new ProducerRecord<>(topic, step.caseId().getBytes(StandardCharsets.UTF_8), step.toJson())).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the " + step.step().key() + " of case " + step.caseId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish the " + step.step().key() + " of case " + step.caseId() + " on " + topic + ": " + e, e);
        }
    }

    /** What {@code /health} says when the service stopped on its own; null while it works. */
    private String stopped(String topic) {
        RuntimeException e = failure();
        return e == null ? null : "the consumer of " + topic + " stopped: " + e;
    }

    /** Writes to the ledger, trying again every few seconds while Elasticsearch is unreachable: nothing is dropped. */
    private void writeUntilDone(List<LedgerDocuments.Doc> docs) {
        for (int failures = 1; ; failures++) {
            try {
                ledger.write(docs);
                return;
            } catch (RuntimeException e) {
                if (!running.get()) {
                    throw e;
                }
                long wait = LEDGER_BACKOFF.after(failures).toMillis();
                LOG.warn("alerting: cannot write {} documents to the ledger, trying again in {} ms: {}", docs.size(), wait, e.toString());
                sleep(wait);
            }
        }
    }

    /** Threads of this name that do not keep the JVM alive. */
    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * For the crash tests: stops as a kill -9 would, as far as one JVM allows: attempts under way are abandoned and
     * record nothing more, nothing is waited for; the consumer leaves its group and the ports are freed, so that a new
     * instance can start at once.
     */
    void halt() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        dispatcher.halt();
        consumer.wakeup();
        try {
            consumer.await(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
        producer.close(Duration.ZERO);
        elasticsearch.close();
        metrics.close();
        LOG.info("alerting: halted, attempts under way abandoned");
        ended.countDown();
    }

    /** Stops consuming and dispatching, lets attempts under way finish (up to 15 s), and closes the endpoint. */
    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        consumer.wakeup();
        dispatcher.stopPlanning();
        try {
            consumer.await(Duration.ofSeconds(10));
            dispatcher.awaitAttempts();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
        producer.close(Duration.ofSeconds(5));
        elasticsearch.close();
        metrics.close();
        LOG.info("alerting: stopped");
        ended.countDown();
    }
}
