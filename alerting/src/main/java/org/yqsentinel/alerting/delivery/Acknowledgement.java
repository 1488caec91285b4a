package org.yqsentinel.alerting.delivery;

import java.time.Instant;
import org.yqsentinel.model.Digests;

/**
 * Someone confirmed they have seen a case, through the acknowledge link of one of its alert events.
 *
 * @param id  deterministic over case, event and person: clicking again finds the same acknowledgement
 * @param who the person and receiver the link was sent to, e.g. {@code 王晓明（江城市教育局）}
 */
public record Acknowledgement(String id, String caseId, String alertId, String who, Instant at) {

    public static String idOf(String caseId, String alertId, String who) {
        return "ack-" + Digests.sha256Hex(caseId + "\n" + alertId + "\n" + who).substring(0, 32);
    }
}
