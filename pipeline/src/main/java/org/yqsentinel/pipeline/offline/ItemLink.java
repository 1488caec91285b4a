package org.yqsentinel.pipeline.offline;

import java.util.List;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyLink;

/**
 * One link of a post to a policy as an offline run writes it (a line of {@code yq score --links}): the item, the
 * crawler's own id of it, the policy, how the link was found and what matched, and the confidence.
 */
public record ItemLink(String itemId, String sourceId, String policyId, String evidence, String matched, double confidence) {

    /** The links of an enriched item, one per policy it links to (none when it links to none). */
    public static List<ItemLink> of(EnrichedItem post) {
        Item item = post.item();
        return post.analysis().policyLinks().stream().map(link -> of(item, link)).toList();
    }

    private static ItemLink of(Item item, PolicyLink link) {
        return new ItemLink(item.id(), item.sourceId(), link.policyId(), link.evidence(), link.matched(), link.confidence());
    }
}
