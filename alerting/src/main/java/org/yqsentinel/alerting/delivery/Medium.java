package org.yqsentinel.alerting.delivery;

/** How a notification travels: e-mail, SMS, or a group chat robot. In JSON, the lower-case name. */
public enum Medium {
    EMAIL, SMS, DINGTALK, WECOM;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Medium of(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
}
