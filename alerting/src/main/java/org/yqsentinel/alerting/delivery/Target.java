package org.yqsentinel.alerting.delivery;

import java.util.Objects;

/**
 * One place a notification goes: a member of a receiver by e-mail or SMS, or a receiver's chat robot.
 *
 * @param receiver the receiver's name in {@code routing.yaml}
 * @param member   the person's name, or null for a robot
 * @param address  the e-mail address, the mobile number, or the robot's URL
 */
public record Target(String receiver, String member, Medium medium, String address) {

    public Target {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(medium, "medium");
        Objects.requireNonNull(address, "address");
    }

    /** Who acknowledges through this target: {@code 王晓明（江城市教育局）}, or the receiver for a robot. */
    public String who() {
        return member == null ? receiver : member + "（" + receiver + "）";
    }

    /** The address as logs and the ledger show it: mobile numbers masked ({@code 138****8001}), robot URLs without their query. */
    public String shown() {
        return switch (medium) {
            case SMS -> address.length() >= 11 ? address.substring(0, address.length() - 8) + "****" + address.substring(address.length() - 4)
                    : "****";
            case DINGTALK, WECOM -> address.replaceAll("\\?.*$", "?…");
            case EMAIL -> address;
        };
    }
}
