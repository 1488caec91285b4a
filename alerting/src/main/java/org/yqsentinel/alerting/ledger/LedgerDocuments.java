package org.yqsentinel.alerting.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.yqsentinel.alerting.channel.Receipt;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.alerting.delivery.Acknowledgement;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.DeliveryBook;
import org.yqsentinel.alerting.delivery.Medium;
import org.yqsentinel.alerting.delivery.Purpose;
import org.yqsentinel.alerting.delivery.Silence;
import org.yqsentinel.alerting.delivery.Status;
import org.yqsentinel.alerting.delivery.Target;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.json.Json;

/**
 * The documents of {@code yq-deliveries} (and {@code yq-silences}), and back. One index holds four kinds,
 * told apart by {@code kind}: {@code event} (an alert event the service accepted), {@code delivery} (a
 * notification and where it stands), {@code attempt} (one try of a delivery and what the channel answered)
 * and {@code acknowledgement}. Every document has {@code id} (its {@code _id}) and {@code at}, for Kibana.
 */
public final class LedgerDocuments {

    public static final String EVENT = "event";
    public static final String DELIVERY = "delivery";
    public static final String ATTEMPT = "attempt";
    public static final String ACKNOWLEDGEMENT = "acknowledgement";
    /** The outcome of an attempt recorded before the channel is called, until its real outcome replaces it. */
    public static final String UNDER_WAY = "UNDER_WAY";

    /** A document and its id. */
    public record Doc(String id, ObjectNode source) {}

    private LedgerDocuments() {}

    public static Doc event(DeliveryBook.Accepted accepted) {
        Alert alert = accepted.alert();
        ObjectNode doc = base("event-" + alert.id(), EVENT, accepted.at());
        doc.put("alertId", alert.id()).put("caseId", alert.caseId()).put("policyId", alert.subjectId())
                .put("tier", alert.tier().code()).put("eventType", alert.type().name());
        doc.set("alert", Json.mapper().valueToTree(alert));
        return new Doc(doc.get("id").asText(), doc);
    }

    public static DeliveryBook.Accepted event(JsonNode doc) {
        return new DeliveryBook.Accepted(alert(doc), Instant.parse(doc.get("at").asText()));
    }

    /** A delivery as it stands, with the code of its SMS short link ({@code AckTokens.shortCode}). */
    public static Doc delivery(Delivery d, String shortCode) {
        ObjectNode doc = base(d.id(), DELIVERY, d.updatedAt());
        target(doc, d).put("purpose", d.purpose().name()).put("route", d.route()).put("status", d.status().name())
                .put("attempts", d.attempts()).put("createdAt", d.createdAt().toString()).put("dueAt", d.dueAt().toString())
                .put("detail", d.detail()).put("shortCode", shortCode);
        d.alertIds().forEach(doc.putArray("alertIds")::add);
        doc.set("alert", Json.mapper().valueToTree(d.alert()));
        return new Doc(d.id(), doc);
    }

    public static Delivery delivery(JsonNode doc) {
        List<String> ids = new ArrayList<>();
        doc.get("alertIds").forEach(id -> ids.add(id.asText()));
        return new Delivery(doc.get("id").asText(), Purpose.valueOf(doc.get("purpose").asText()), doc.get("caseId").asText(), alert(doc), ids,
                doc.get("route").asText(), new Target(doc.get("receiver").asText(), text(doc, "member"), Medium.of(doc.get("channel").asText()),
                doc.get("address").asText()), Status.valueOf(doc.get("status").asText()), doc.get("attempts").asInt(),
                Instant.parse(doc.get("createdAt").asText()), Instant.parse(doc.get("dueAt").asText()), Instant.parse(doc.get("at").asText()),
                text(doc, "detail"));
    }

    /**
     * One attempt of a delivery: {@code after} is the delivery as the attempt left it. Its {@code outcome} is
     * {@code SENT}, {@code RETRY}, {@code GIVE_UP} or {@code IN_DOUBT} (no answer came).
     */
    public static Doc attempt(Delivery after, SendResult result, Instant at, Duration took) {
        return attempt(after, result.outcome().name(), result.detail(), at, took);
    }

    /** An attempt about to be made, outcome {@code UNDER_WAY}: written before the channel is called, replaced by its outcome. */
    public static Doc underWay(Delivery sending) {
        return attempt(sending, UNDER_WAY, sending.detail(), sending.updatedAt(), Duration.ZERO);
    }

    /**
     * An attempt in doubt, checked: its outcome is what the channel told of the receipt ({@code ARRIVED},
     * {@code MISSING}, {@code UNKNOWN}, {@code UNANSWERED}); {@code after} is the delivery as the check left it.
     */
    public static Doc checked(Delivery after, Receipt receipt, Instant at, Duration took) {
        return attempt(after, receipt.answer().name(), after.detail(), at, took);
    }

    private static Doc attempt(Delivery after, String outcome, String detail, Instant at, Duration took) {
        ObjectNode doc = base(after.id() + "-" + after.attempts(), ATTEMPT, at);
        target(doc, after).put("deliveryId", after.id()).put("purpose", after.purpose().name()).put("attempt", after.attempts())
                .put("outcome", outcome).put("status", after.status().name()).put("tookMs", took.toMillis())
                .put("latencyMs", Duration.between(after.createdAt(), at).toMillis()).put("detail", detail);
        return new Doc(doc.get("id").asText(), doc);
    }

    public static Doc acknowledgement(Acknowledgement ack) {
        ObjectNode doc = base(ack.id(), ACKNOWLEDGEMENT, ack.at());
        doc.put("caseId", ack.caseId()).put("alertId", ack.alertId()).put("who", ack.who());
        return new Doc(ack.id(), doc);
    }

    public static Acknowledgement acknowledgement(JsonNode doc) {
        return new Acknowledgement(doc.get("id").asText(), doc.get("caseId").asText(), doc.get("alertId").asText(), doc.get("who").asText(),
                Instant.parse(doc.get("at").asText()));
    }

    public static Doc silence(Silence s) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("id", s.id()).put("startsAt", s.startsAt().toString()).put("endsAt", s.endsAt().toString());
        put(doc, "caseId", s.caseId());
        put(doc, "policyId", s.policyId());
        put(doc, "department", s.department());
        put(doc, "receiver", s.receiver());
        put(doc, "createdBy", s.createdBy());
        put(doc, "comment", s.comment());
        return new Doc(s.id(), doc);
    }

    public static Silence silence(JsonNode doc) {
        return new Silence(doc.get("id").asText(), text(doc, "caseId"), text(doc, "policyId"), text(doc, "department"), text(doc, "receiver"),
                Instant.parse(doc.get("startsAt").asText()), Instant.parse(doc.get("endsAt").asText()), text(doc, "createdBy"),
                text(doc, "comment"));
    }

    private static ObjectNode base(String id, String kind, Instant at) {
        ObjectNode doc = Json.mapper().createObjectNode();
        return doc.put("id", id).put("kind", kind).put("at", at.toString());
    }

    private static ObjectNode target(ObjectNode doc, Delivery d) {
        Alert alert = d.alert();
        doc.put("caseId", d.caseId()).put("alertId", alert.id()).put("policyId", alert.subjectId()).put("tier", alert.tier().code())
                .put("eventType", alert.type().name()).put("receiver", d.target().receiver()).put("channel", d.target().medium().id())
                .put("address", d.target().address());
        put(doc, "member", d.target().member());
        return doc;
    }

    private static Alert alert(JsonNode doc) {
        return Json.mapper().convertValue(doc.get("alert"), Alert.class);
    }

    private static void put(ObjectNode doc, String field, String value) {
        if (value != null) {
            doc.put(field, value);
        }
    }

    private static String text(JsonNode doc, String field) {
        JsonNode value = doc.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
