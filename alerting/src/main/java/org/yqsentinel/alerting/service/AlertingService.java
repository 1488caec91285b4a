package org.yqsentinel.alerting.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.channel.Receipt;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.alerting.delivery.Acknowledgement;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.DeliveryBook;
import org.yqsentinel.alerting.delivery.Medium;
import org.yqsentinel.alerting.delivery.Purpose;
import org.yqsentinel.alerting.delivery.Silence;
import org.yqsentinel.alerting.delivery.Status;
import org.yqsentinel.alerting.ledger.Ledger;
import org.yqsentinel.alerting.ledger.LedgerDocuments;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.DeadLetterHeaders;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.connect.ElasticsearchConnection;

/**
 * {@code ./yq alerting}: reads alert events from {@code yq.alerts} and makes sure the right people know, in
 * time, once. The decisions are the {@link DeliveryBook}'s; this class does the I/O around it:
 *
 * <ul>
 * <li>A Kafka consumer (read-committed, the job writes {@code yq.alerts} in transactions) accepts events and
 *     commits its offsets only after the ledger holds what they caused, so a restart reads again at most
 *     events the ledger already knows, which the book then ignores.</li>
 * <li>A dispatcher asks the book what is due every 200 ms and hands it to the channels on a small pool; every
 *     attempt is written to {@code yq-deliveries} as under way before the channel is called, and its outcome
 *     after. At a restart the ledger is read back, so what was pending is sent and what was sent is not sent
 *     again. An attempt found under way is in doubt: where the channel can tell (an SMS gateway's status query)
 *     its receipt is checked and it is sent again only when it did not arrive; e-mail is sent again under the
 *     same Message-ID; chat robots, which can neither be asked nor take an idempotency key, are not (at most
 *     once), and the delivery is recorded {@code IN_DOUBT}.</li>
 * <li>The HTTP endpoint takes acknowledgements and serves {@code /metrics}.</li>
 * </ul>
 * Malformed events go to {@code yq.deadletter} with their bytes and the reason.
 */
public final class AlertingService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertingService.class);
    private static final Duration TICK = Duration.ofMillis(200);

    private final SentinelConfig config;
    private final Clock clock;
    private final AckTokens tokens;
    private final Senders senders;
    private final Channels channels;
    private final DeliveryBook book;
    private final Object lock = new Object();
    private final ElasticsearchConnection elasticsearch;
    private final Ledger ledger;
    private final AlertingMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ScheduledExecutorService dispatcher;
    private final ExecutorService sending;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final Thread consuming;
    private final HttpEndpoint http;
    private volatile List<Silence> silences = List.of();
    private volatile Instant silencesReadAt = Instant.EPOCH;
    /** Counted down when the service has stopped: closed, or its consumer failed. */
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile RuntimeException failure;

    private AlertingService(SentinelConfig config, RoutingRules routing, AckTokens tokens, Function<String, String> environment, Clock clock,
                            UnaryOperator<Channels> channels) {
        this.config = config;
        this.clock = clock;
        this.tokens = tokens;
        SentinelConfig.Alerting alerting = config.alerting();
        this.senders = new Senders(alerting, routing, tokens, environment, clock);
        this.channels = channels.apply(senders);
        this.book = new DeliveryBook(routing, settings(alerting), tokens::shortCode);
        this.elasticsearch = ElasticsearchConnection.open(config.elasticsearchUrl());
        this.ledger = new Ledger(elasticsearch.client(), config.names());
        this.metrics = new AlertingMetrics(() -> {
            synchronized (lock) {
                return book.pending();
            }
        });
        Instant now = clock.instant();
        Ledger.Restored restored = ledger.restore(now.minus(Duration.ofDays(alerting.restoreDays())));
        book.restore(restored.events(), restored.deliveries(), restored.acknowledgements());
        LOG.info("alerting: ledger {} read back: {} events, {} notifications ({} pending, {} in doubt), {} acknowledgements",
                ledger.deliveriesIndex(), restored.events().size(), restored.deliveries().size(), book.pending(), book.inDoubt(),
                restored.acknowledgements().size());
        refreshSilences(now);
        this.http = new HttpEndpoint(alerting.httpHost(), alerting.httpPort(), new Endpoint(), routing.timezone());
        this.consumer = new KafkaConsumer<>(consumerProperties(config));
        this.deadLetters = new KafkaProducer<>(producerProperties(config));
        this.sending = Executors.newFixedThreadPool(4, daemon("alerting-send"));
        this.dispatcher = Executors.newSingleThreadScheduledExecutor(daemon("alerting-dispatch"));
        this.consuming = daemon("alerting-consume").newThread(this::consume);
        consumer.subscribe(List.of(config.names().alertsTopic()));
        consuming.start();
        dispatcher.scheduleWithFixedDelay(this::dispatch, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("alerting: reading {} on {}; acknowledge links and /metrics on http://{}:{} (links say {})", config.names().alertsTopic(),
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
        synchronized (lock) {
            return book.pending();
        }
    }

    public AlertingMetrics metrics() {
        return metrics;
    }

    private void consume() {
        try {
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                List<LedgerDocuments.Doc> docs = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    Alert alert = read(record);
                    if (alert == null) {
                        continue;
                    }
                    Instant now = clock.instant();
                    DeliveryBook.Acceptance acceptance;
                    synchronized (lock) {
                        acceptance = book.accept(alert, now);
                    }
                    metrics.accepted(acceptance.duplicate());
                    if (acceptance.duplicate()) {
                        LOG.info("alerting: event {} seen before, nothing sent again", alert.id());
                        continue;
                    }
                    docs.add(LedgerDocuments.event(new DeliveryBook.Accepted(alert, now)));
                    for (Delivery d : acceptance.changed()) {
                        docs.add(doc(d));
                        metrics.changed(d);
                    }
                    LOG.info("alerting: event {} ({} {}) of case {}: {} notifications made or grouped", alert.id(), alert.tier().label(),
                            alert.type(), alert.caseId(), acceptance.changed().size());
                }
                writeUntilDone(docs);
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            // the service cannot go on without its events: say so on /health and end ./yq alerting non-zero, to be restarted
            failure = e;
            LOG.error("alerting: the consumer of {} stopped: {}", config.names().alertsTopic(), e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            if (failure != null) {
                ended.countDown();
            }
        }
    }

    /** Waits until the service has stopped: {@link #close()}d, or its consumer failed ({@link #failure()}). */
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    /** Why the service stopped on its own, or null while it runs or after a plain {@link #close()}. */
    public RuntimeException failure() {
        return failure;
    }

    private Alert read(ConsumerRecord<byte[], byte[]> record) {
        String reason;
        try {
            Alert alert = Json.mapper().readValue(record.value(), Alert.class);
            if (alert.caseId() != null) {
                return alert;
            }
            reason = "the alert event belongs to no case (caseId missing)";
        } catch (Exception e) {
            reason = "not an alert event: " + e.getMessage().lines().findFirst().orElse(e.toString());
        }
        LOG.warn("alerting: {}:{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(), config.names().deadLetterTopic(),
                reason);
        DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                record.value(), "alerting", "none", "not_an_alert", reason);
        RecordHeaders headers = new RecordHeaders();
        DeadLetterHeaders.of(letter).forEach(headers::add);
        try {
            deadLetters.send(new ProducerRecord<>(config.names().deadLetterTopic(), null, record.key(), record.value(), headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the dead letter of " + record.topic() + ":" + record.offset() + ": " + e, e);
        }
        return null;
    }

    private void dispatch() {
        try {
            Instant now = clock.instant();
            if (Duration.between(silencesReadAt, now).toSeconds() >= config.alerting().silenceRefreshSeconds()) {
                refreshSilences(now);
            }
            DeliveryBook.Plan plan;
            synchronized (lock) {
                plan = book.plan(now, silences);
            }
            if (!plan.changed().isEmpty()) {
                List<LedgerDocuments.Doc> docs = new ArrayList<>();
                for (Delivery d : plan.changed()) {
                    docs.add(doc(d));
                    metrics.changed(d);
                    if (d.purpose() == Purpose.ESCALATION && d.attempts() == 0 && d.createdAt().equals(d.updatedAt())) {
                        metrics.escalation();
                        LOG.warn("alerting: case {} not acknowledged {} min before it must be answered: escalating to {} {}", d.caseId(),
                                Duration.between(now, d.alert().respondBy()).toMinutes(), d.target().who(), d.target().medium().id());
                    } else if (d.status().isFinal()) {
                        LOG.info("alerting: {} to {} {} for case {}: {}", d.status(), d.target().who(), d.target().medium().id(), d.caseId(),
                                d.detail());
                    }
                }
                writeUntilDone(docs);
            }
            for (Delivery d : plan.send()) {
                sending.execute(() -> attempt(d));
            }
            for (Delivery d : plan.check()) {
                sending.execute(() -> check(d));
            }
        } catch (RuntimeException e) {
            LOG.warn("alerting: dispatch failed, trying again: {}", e.toString());
        }
    }

    private void attempt(Delivery d) {
        // recorded under way right before the channel is called, so a restart knows what may have gone out. Elasticsearch
        // answers a write only once it is in its translog on disk, and a restart refreshes before it reads: no refresh waited for
        writeUntilDone(List.of(doc(d), LedgerDocuments.underWay(d)));
        Instant start = clock.instant();
        SendResult result;
        try {
            result = channels.send(d, start);
        } catch (RuntimeException e) {
            result = SendResult.retry("unexpected failure: " + e);
        }
        Instant end = clock.instant();
        Delivery after;
        synchronized (lock) {
            after = book.finished(d, result, end);
        }
        metrics.attempted(after, result, Duration.between(after.createdAt(), end));
        writeUntilDone(List.of(doc(after), LedgerDocuments.attempt(after, result, end, Duration.between(start, end))));
        String line = "alerting: {} {} to {} <{}> for case {} ({} {}), attempt {}: {}";
        Object[] args = {after.purpose().name().toLowerCase(Locale.ROOT), after.target().medium().id(), after.target().who(),
                after.target().shown(), after.caseId(), after.alert().tier().label(), after.alert().type(), after.attempts(),
                after.status() == Status.SENT ? "sent " + result.detail() : after.detail()};
        if (after.status() == Status.SENT) {
            LOG.info(line, args);
        } else {
            LOG.warn(line, args);
        }
    }

    /** Asks the channel whether the message of an attempt in doubt arrived, and settles it as the book decides. */
    private void check(Delivery d) {
        Instant start = clock.instant();
        Receipt receipt;
        try {
            receipt = channels.receipt(d);
        } catch (RuntimeException e) {
            receipt = Receipt.unanswered("unexpected failure: " + e);
        }
        Instant end = clock.instant();
        Delivery after;
        synchronized (lock) {
            after = book.checked(d, receipt, end);
        }
        metrics.checked(after, receipt, Duration.between(after.createdAt(), end));
        writeUntilDone(List.of(doc(after), LedgerDocuments.checked(after, receipt, end, Duration.between(start, end))));
        String line = "alerting: {} {} to {} <{}> for case {}, attempt {} in doubt, {}: {}";
        Object[] args = {after.purpose().name().toLowerCase(Locale.ROOT), after.target().medium().id(), after.target().who(),
                after.target().shown(), after.caseId(), after.attempts(), receipt.answer().name().toLowerCase(Locale.ROOT), after.detail()};
        if (after.status() == Status.IN_DOUBT) {
            LOG.warn(line, args);
        } else {
            LOG.info(line, args);
        }
    }

    /** The ledger document of a delivery as it stands. */
    private LedgerDocuments.Doc doc(Delivery d) {
        return LedgerDocuments.delivery(d, tokens.shortCode(d.id()));
    }

    private void refreshSilences(Instant now) {
        try {
            silences = ledger.silences(now);
            silencesReadAt = now;
        } catch (RuntimeException e) {
            LOG.warn("alerting: cannot read the silences, keeping the {} known: {}", silences.size(), e.toString());
        }
    }

    /** Writes to the ledger, trying again every few seconds while Elasticsearch is unreachable: nothing is dropped. */
    private void writeUntilDone(List<LedgerDocuments.Doc> docs) {
        long wait = 500;
        while (true) {
            try {
                ledger.write(docs);
                return;
            } catch (RuntimeException e) {
                if (!running.get()) {
                    throw e;
                }
                LOG.warn("alerting: cannot write {} documents to the ledger, trying again in {} ms: {}", docs.size(), wait, e.toString());
                sleep(wait);
                wait = Math.min(wait * 2, 10_000);
            }
        }
    }

    private final class Endpoint implements HttpEndpoint.Service {

        @Override
        public AckTokens.Check check(String token) {
            return tokens.check(token, clock.instant());
        }

        @Override
        public String failure() {
            RuntimeException e = failure;
            return e == null ? null : "the consumer of " + config.names().alertsTopic() + " stopped: " + e;
        }

        @Override
        public HttpEndpoint.Acknowledged acknowledge(String token) {
            Instant now = clock.instant();
            AckTokens.Check check = tokens.check(token, now);
            if (!check.valid()) {
                metrics.acknowledgement(check.verdict(), false);
                LOG.info("alerting: acknowledge link refused: {}{}", check.verdict(),
                        check.claim() == null ? "" : " (case " + check.claim().caseId() + ", " + check.claim().receiver() + ")");
                return new HttpEndpoint.Acknowledged(check, null, false, false);
            }
            AckTokens.Claim claim = check.claim();
            Acknowledgement ack;
            boolean repeated;
            synchronized (lock) {
                repeated = book.acknowledgement(claim.caseId(), Acknowledgement.idOf(claim.caseId(), claim.alertId(), claim.receiver())).isPresent();
                ack = book.acknowledge(claim, now);
            }
            metrics.acknowledgement(check.verdict(), repeated);
            boolean caseUpdated = true;
            if (!repeated) {
                writeUntilDone(List.of(LedgerDocuments.acknowledgement(ack)));
                caseUpdated = ledger.acknowledgeCase(ack);
                LOG.info("alerting: case {} acknowledged by {} (event {}){}", ack.caseId(), ack.who(), ack.alertId(),
                        caseUpdated ? "" : "; the case is not in yq-cases, the acknowledgement is in the ledger");
            }
            return new HttpEndpoint.Acknowledged(check, ack.at().toString(), repeated, caseUpdated);
        }

        @Override
        public String tokenOf(String shortCode) {
            synchronized (lock) {
                return book.byShortCode(shortCode).map(senders::token).orElse(null);
            }
        }

        @Override
        public String metrics() {
            return metrics.scrape();
        }

        @Override
        public int pending() {
            return AlertingService.this.pending();
        }
    }

    private static Properties consumerProperties(SentinelConfig config) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.names().prefix() + config.alerting().consumerGroup());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private static Properties producerProperties(SentinelConfig config) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
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
        dispatcher.shutdownNow();
        sending.shutdown();  // not interrupted: an abandoned attempt must not go on to record its outcome
        consumer.wakeup();
        try {
            consuming.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
        deadLetters.close(Duration.ZERO);
        elasticsearch.close();
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
        dispatcher.shutdown();
        try {
            consuming.join(10_000);
            dispatcher.awaitTermination(5, TimeUnit.SECONDS);
            sending.shutdown();
            sending.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
        deadLetters.close(Duration.ofSeconds(5));
        elasticsearch.close();
        LOG.info("alerting: stopped");
        ended.countDown();
    }
}
