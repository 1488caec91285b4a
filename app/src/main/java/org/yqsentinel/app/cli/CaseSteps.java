package org.yqsentinel.app.cli;

import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.yqsentinel.app.UserError;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.rules.control.CaseStep;
import org.yqsentinel.rules.control.ControlMessage;

/**
 * How {@code yq case ack|respond|close|reopen|assign} take a step: the case is read from {@code yq-cases} and the step
 * checked against its status, published on {@code yq.control} (keyed by case id, so a case's steps keep their order),
 * and then the stored case is watched until the monitor job has applied it.
 */
final class CaseSteps {

    /** How long to wait between two looks at the stored case. */
    private static final Duration POLL = Duration.ofMillis(500);

    private final SentinelConfig config;

    CaseSteps(SentinelConfig config) {
        this.config = config;
    }

    /** The stored case; refused (exit 2) when there is none. */
    JsonNode read(String caseId) throws IOException {
        String index = config.names().index("yq-cases");
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
            es.client().indices().refresh(r -> r.index(index).allowNoIndices(true).ignoreUnavailable(true));
            GetResponse<JsonNode> got = es.client().get(g -> g.index(index).id(caseId), JsonNode.class);
            if (!got.found() || got.source() == null) {
                throw new UserError("no case '" + caseId + "' in " + index + "; a case id looks like case:<policy>/opened/<tier>/<millis>"
                        + " (the caseId of an alert, or the id in the alert mail)");
            }
            return got.source();
        }
    }

    /** The step, checked as the job would check it; a step the case's status does not allow is refused here already. */
    CaseStep step(JsonNode stored, CaseStep.Step step, String by, Instant at, String channel, String url, String text) {
        String caseId = stored.path("id").asText();
        CaseStatus status = CaseStatus.valueOf(stored.path("status").asText());
        if (status == CaseStatus.CLOSED && step != CaseStep.Step.REOPEN) {
            throw new UserError("case " + caseId + " is closed (结案); reopen it first: yq case reopen " + caseId + " --by NAME");
        }
        if (status != CaseStatus.CLOSED && step == CaseStep.Step.REOPEN) {
            throw new UserError("case " + caseId + " is not closed (it is in " + status.label() + "); only a closed case can be reopened");
        }
        try {
            return new CaseStep(step, caseId, stored.path("subjectId").asText(), by, at, channel, url, text, Instant.now());
        } catch (ControlMessage.ControlMessageException | NullPointerException e) {
            throw new UserError("cannot " + step.key() + " case " + caseId + ": " + e.getMessage());
        }
    }

    /** Publishes the step and waits up to {@code wait} for the job to write it; true when it did. */
    boolean take(CaseStep step, Duration wait) throws Exception {
        String topic = config.names().controlTopic();
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.of(config).producer(Map.of())) {
            producer.send(new ProducerRecord<>(topic, step.caseId().getBytes(StandardCharsets.UTF_8), step.toJson()))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new UserError("cannot publish the step on " + topic + " at " + config.kafkaBootstrapServers() + ": " + e.getMessage());
        }
        System.err.println("sent: " + step.step().key() + " of " + step.caseId() + " by " + step.by() + " at " + step.at() + " on " + topic);
        Instant deadline = Instant.now().plus(wait);
        do {
            if (applied(read(step.caseId()), step)) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        } while (Instant.now().isBefore(deadline));
        return false;
    }

    /** Whether the stored case's timeline holds the step (or the job refused it, which it logs and dead-letters). */
    static boolean applied(JsonNode stored, CaseStep step) {
        for (JsonNode entry : stored.path("timeline")) {
            if (step.step().timelineKind().equals(entry.path("kind").asText()) && step.by().equals(entry.path("by").asText())
                    && Instant.parse(entry.path("at").asText()).equals(step.at())) {
                return true;
            }
        }
        return false;
    }
}
