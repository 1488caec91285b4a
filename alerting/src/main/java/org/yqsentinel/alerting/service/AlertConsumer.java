package org.yqsentinel.alerting.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.DeliveryBook;
import org.yqsentinel.alerting.ledger.LedgerDocuments;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.DeadLetterHeaders;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.json.Json;

/**
 * Reads alert events from {@code yq.alerts} (read-committed: the job writes it in transactions) into the book, and
 * commits its offsets only after the ledger holds what they caused, so a restart reads again at most events the
 * ledger already knows, which the book then ignores. A record that is no alert event of a case goes to
 * {@code yq.deadletter} with its bytes and the reason. On its own thread.
 */
final class AlertConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AlertConsumer.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final Namespace names;
    private final Clock clock;
    private final SharedBook book;
    private final AlertingMetrics metrics;
    private final LedgerWrites ledger;
    private final BooleanSupplier running;
    private final Runnable onFailure;
    private final Thread thread;
    private volatile RuntimeException failure;

    /**
     * @param running   false once the service stops: the consumer then ends when woken
     * @param onFailure called once the consumer ended on a failure ({@link #failure()})
     */
    AlertConsumer(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> deadLetters, Namespace names, Clock clock,
                  SharedBook book, AlertingMetrics metrics, LedgerWrites ledger, BooleanSupplier running, Runnable onFailure) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.names = names;
        this.clock = clock;
        this.book = book;
        this.metrics = metrics;
        this.ledger = ledger;
        this.running = running;
        this.onFailure = onFailure;
        this.thread = AlertingService.daemon("alerting-consume").newThread(this::consume);
    }

    void start() {
        consumer.subscribe(List.of(names.alertsTopic()));
        thread.start();
    }

    /** Ends a poll under way; the consumer then stops, as the service is no longer running. */
    void wakeup() {
        consumer.wakeup();
    }

    /** Waits up to {@code timeout} for the consumer to have stopped and closed. */
    void await(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
    }

    /** Why the consumer stopped on its own, or null while it runs or after it was stopped. */
    RuntimeException failure() {
        return failure;
    }

    private void consume() {
        try {
            while (running.getAsBoolean()) {
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
                    DeliveryBook.Acceptance acceptance = book.with(b -> b.accept(alert, now));
                    metrics.accepted(acceptance.duplicate());
                    if (acceptance.duplicate()) {
                        LOG.info("alerting: event {} seen before, nothing sent again", alert.id());
                        continue;
                    }
                    docs.add(LedgerDocuments.event(new DeliveryBook.Accepted(alert, now)));
                    for (Delivery d : acceptance.changed()) {
                        docs.add(ledger.of(d));
                        metrics.changed(d);
                    }
                    LOG.info("alerting: event {} ({} {}) of case {}: {} notifications made or grouped", alert.id(), alert.tier().label(),
                            alert.type(), alert.caseId(), acceptance.changed().size());
                }
                ledger.write(docs);
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            if (running.getAsBoolean()) {
                throw e;
            }
        } catch (RuntimeException e) {
            // the service cannot go on without its events: say so on /health and end ./yq alerting non-zero, to be restarted
            failure = e;
            LOG.error("alerting: the consumer of {} stopped: {}", names.alertsTopic(), e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            if (failure != null) {
                onFailure.run();
            }
        }
    }

    /** The alert event of a record, or null when it is none: then the record went to the dead letters. */
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
        LOG.warn("alerting: {}:{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(), names.deadLetterTopic(), reason);
        DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                record.value(), "alerting", "none", "not_an_alert", reason);
        RecordHeaders headers = new RecordHeaders();
        DeadLetterHeaders.of(letter).forEach(headers::add);
        try {
            deadLetters.send(new ProducerRecord<>(names.deadLetterTopic(), null, record.key(), record.value(), headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the dead letter of " + record.topic() + ":" + record.offset() + ": " + e, e);
        }
        return null;
    }
}
