package org.yqsentinel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a public post was published. The JSON and topic name is the lower-case name. */
public enum Channel {
    NEWS, WEIBO, WECHAT;

    /** Its id, made once: {@link #id()} is called for every post a window tallies. */
    private final String id = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Channel of(String id) {
        for (Channel channel : values()) {
            if (channel.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return channel;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + id + "'; expected one of "
                + Arrays.stream(values()).map(Channel::id).collect(Collectors.joining(", ")));
    }
}
