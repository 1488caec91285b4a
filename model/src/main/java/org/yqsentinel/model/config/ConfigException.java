package org.yqsentinel.model.config;

/** A configuration that cannot be used; the message names the file, the line and what to change. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
