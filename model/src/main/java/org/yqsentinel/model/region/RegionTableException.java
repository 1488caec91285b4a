package org.yqsentinel.model.region;

/** A region table that cannot be used; the message starts with {@code file:line:}. */
public final class RegionTableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegionTableException(String message) {
        super(message);
    }

    public RegionTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
