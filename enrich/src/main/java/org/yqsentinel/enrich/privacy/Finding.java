package org.yqsentinel.enrich.privacy;

import java.util.Objects;

public record Finding(Kind kind, int start, int end) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
