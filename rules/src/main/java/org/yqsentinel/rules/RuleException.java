package org.yqsentinel.rules;

/** A rule file that cannot be used; the message names the file, the line and what to fix. */
public class RuleException extends RuntimeException {
    public RuleException(String message) {
        super(message);
    }
}
