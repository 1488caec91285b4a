package org.yqsentinel.pipeline.offline;

import java.io.Serializable;
import java.util.function.Consumer;
import org.yqsentinel.pipeline.read.RawRecord;

/**
 * What the system keeps of its input, read back as raw records for a replay: the raw topics ({@link KafkaArchive}) or,
 * once retention has cut them, the items and policies in the indices ({@link IndexArchive}). Serializable, so that a
 * job's source can read it again where it runs.
 */
public interface Archive extends Serializable {

    /** Every record, in an order that is the same on every read. */
    void forEach(Consumer<RawRecord> each);

    /** What it is, for a person: {@code the raw topics}, {@code the yq-items archive}. */
    String describe();
}
