package org.yqsentinel.ingest;

/**
 * The refusal of a record on which a reader itself failed. Not the crawler's fault but Sentinel's: the
 * record is kept (as a dead letter) with the failure named, so that it can be reported and replayed once
 * the reader is mended, and the stream goes on.
 */
public final class Unreadable {

    private Unreadable() {}

    public static InvalidRecord of(Throwable failure) {
        return of("the reader", failure);
    }

    /** @param step what failed, as the reason names it: {@code the reader}, {@code enrichment} */
    public static InvalidRecord of(String step, Throwable failure) {
        StackTraceElement where = failure.getStackTrace().length == 0 ? null : failure.getStackTrace()[0];
        return new InvalidRecord(RejectCode.UNREADABLE, step + " failed on this record (" + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + Reasons.oneLine(failure.getMessage()))
                + (where == null ? "" : " at " + where.getClassName().replaceAll(".*\\.", "") + "." + where.getMethodName())
                + "); a defect of Sentinel: keep the record and report it");
    }
}
