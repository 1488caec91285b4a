package org.yqsentinel.app;

/** Something the user can fix: {@link Yq} prints its message as one line on stderr and exits with 2, without a stack trace. */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }
}
