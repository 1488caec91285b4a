package org.yqsentinel.pipeline.read;

/** A record exactly as it came off a raw topic, with where it came from; parsed later so nothing is lost. */
public record RawRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {}
