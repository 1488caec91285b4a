package org.yqsentinel.pipeline.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.Unreadable;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.json.Json;

/**
 * The dead letter of an item on which a step after reading failed (enrichment, linking): the item goes to
 * {@code yq.deadletter} as its canonical JSON, which the raw topics read back, so it can be sent again once the
 * step is mended; the job goes on with the next item.
 */
public final class FailedItems {

    /** Where the operators after reading put the items they failed on. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("failed-items", TypeInformation.of(DeadLetter.class));

    private FailedItems() {}

    /** @param stage the step as the dead letter names it ({@code enrich}, {@code link}) */
    public static DeadLetter of(Item item, String stage, Throwable failure) {
        InvalidRecord why = Unreadable.of(stage.equals("enrich") ? "enrichment" : "the " + stage + " step", failure);
        return new DeadLetter(item.id(), -1, -1, item.publishedAt().toEpochMilli(), item.id().getBytes(StandardCharsets.UTF_8),
                Json.toBytes(item), stage, "none", why.code().label(), why.getMessage());
    }
}
