package org.yqsentinel.model;

/** Interaction counts as the platform showed them when crawled; null where the platform shows none. */
public record Engagement(Long reposts, Long comments, Long likes, Long reads) {

    public static final Engagement NONE = new Engagement(null, null, null, null);

    /** Reposts plus comments plus likes, the interactions that spread a post; reads are not counted. */
    public long interactions() {
        return nz(reposts) + nz(comments) + nz(likes);
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }
}
