package org.yqsentinel.stack;

/** The local stack could not do what was asked; the message is one line: the cause and the log to read. */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }
}
