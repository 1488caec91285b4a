package org.yqsentinel.alerting.delivery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a notification travels: e-mail, SMS, or a group chat robot. In JSON, the lower-case name. */
public enum Medium {
    EMAIL, SMS, DINGTALK, WECOM;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Medium of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
