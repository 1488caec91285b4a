package org.yqsentinel.pipeline.link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.enrich.CoreDictionaryBackground;
import org.yqsentinel.enrich.region.RegionResolver;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.PolicyLink;
import org.yqsentinel.pipeline.control.ControlEvent;
import org.yqsentinel.pipeline.control.GivenPolicies;
import org.yqsentinel.pipeline.control.Watchlist;
import org.yqsentinel.pipeline.emerging.ToTopicPosts;
import org.yqsentinel.pipeline.kafka.FailedItems;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.emerging.TopicPost;
import org.yqsentinel.rules.link.PolicyLinker;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.risk.WatchedPolicy;
import org.yqsentinel.rules.topic.TopicRules;

/**
 * Links each enriched post to the policies watched at its publish time ({@link PolicyLinker}): the post
 * goes on with its links (the evidence kept on the item), and once per link, keyed by policy, to the risk
 * windows. Linking keeps no state of its own: a post's links depend on the post, the watched policies and the
 * rules only, so they are the same at any parallelism and in every replay.
 */
public final class LinkToPolicies extends BroadcastProcessFunction<EnrichedItem, ControlEvent, EnrichedItem> {

    public static final OutputTag<LinkedPost> LINKED = new OutputTag<>("linked-posts", TypeInformation.of(LinkedPost.class));
    /** The posts as topic detection keeps them ({@link ToTopicPosts}), when it runs. */
    public static final OutputTag<TopicPost> TOPIC_POSTS = new OutputTag<>("topic-posts", TypeInformation.of(TopicPost.class));
    static final String STAGE = "link";
    private static final Logger LOG = LoggerFactory.getLogger(LinkToPolicies.class);

    private final String rulesDir;
    private final GivenPolicies given;
    private final boolean topicPosts;
    private transient RiskRules initial;
    private transient Watchlist.View view;
    private transient PolicyLinker linker;
    private transient RiskRules.Linking linkerRules;
    private transient TopicRules topics;
    private transient RegionResolver regions;
    private transient Counter linked;
    private transient Counter failed;
    private transient ToTopicPosts toTopicPosts;

    /**
     * @param rulesDir a rules folder present on every task manager, or empty for the bundled rules
     * @param given    the policies known before the first record (none on the live job)
     * @param topicPosts whether to give out every post as topic detection keeps it ({@link #TOPIC_POSTS})
     */
    public LinkToPolicies(String rulesDir, GivenPolicies given, boolean topicPosts) {
        this.rulesDir = rulesDir;
        this.given = given;
        this.topicPosts = topicPosts;
    }

    @Override
    public void open(OpenContext context) {
        topics = TopicRules.load(RuleFiles.of(rulesDir));
        toTopicPosts = topicPosts ? new ToTopicPosts(RuleFiles.of(rulesDir)) : null;
        regions = RegionResolver.bundled();
        linked = getRuntimeContext().getMetricGroup().counter("postsLinked");
        failed = getRuntimeContext().getMetricGroup().counter("itemsDeadLettered");
    }

    @Override
    public void processElement(EnrichedItem post, ReadOnlyContext context, Collector<EnrichedItem> out) throws Exception {
        Watchlist.View view = view(context);
        List<PolicyLink> links;
        try {
            links = links(post, view);
        } catch (RuntimeException | StackOverflowError e) {
            DeadLetter letter = FailedItems.of(post.item(), STAGE, e);
            failed.inc();
            LOG.warn("dead letter {} ({}): {}", letter.origin(), STAGE, letter.reason());
            context.output(FailedItems.DEAD_LETTERS, letter);
            return;
        }
        Item item = post.item();
        EnrichedItem withLinks = links.isEmpty() ? post : new EnrichedItem(item, post.analysis().withPolicyLinks(links));
        out.collect(withLinks);
        for (PolicyLink link : links) {
            linked.inc();
            context.output(LINKED, new LinkedPost(link.policyId(), withLinks));
        }
        if (toTopicPosts != null) {
            TopicPost topicPost = toTopicPosts.of(withLinks);
            if (topicPost != null) {
                context.output(TOPIC_POSTS, topicPost);
            }
        }
    }

    /** The post's links to the policies watched at its publish time. */
    private List<PolicyLink> links(EnrichedItem post, Watchlist.View view) {
        Item item = post.item();
        Instant at = item.publishedAt();
        List<WatchedPolicy> policies = new ArrayList<>();
        for (PolicyDocument document : view.active().at(at)) {
            policies.add(view.policy(document.id()));
        }
        if (policies.isEmpty()) {
            return List.of();
        }
        PolicyLinker.Post read = new PolicyLinker.Post(item.title(), item.text(), regions.placesNamed(post.analysis().tokens()));
        return linker(view.rules().riskAt(at)).link(read, policies).stream()
                .map(l -> new PolicyLink(l.policyId(), l.evidence().name(), l.matched(), l.confidence())).toList();
    }

    @Override
    public void processBroadcastElement(ControlEvent event, Context context, Collector<EnrichedItem> out) throws Exception {
        Watchlist.View current = view(context);
        Watchlist.apply(event, current, context.getBroadcastState(Watchlist.POLICIES), context.getBroadcastState(Watchlist.RETIREMENTS),
                context.getBroadcastState(Watchlist.RULES), false);
    }

    private Watchlist.View view(ReadOnlyContext context) throws Exception {
        if (view == null) {
            view = Watchlist.view(initial(), given, context.getBroadcastState(Watchlist.POLICIES),
                    context.getBroadcastState(Watchlist.RETIREMENTS), context.getBroadcastState(Watchlist.RULES));
        }
        return view;
    }

    private Watchlist.View view(Context context) throws Exception {
        if (view == null) {
            view = Watchlist.view(initial(), given, context.getBroadcastState(Watchlist.POLICIES),
                    context.getBroadcastState(Watchlist.RETIREMENTS), context.getBroadcastState(Watchlist.RULES));
        }
        return view;
    }

    private RiskRules initial() {
        if (initial == null) {
            initial = RiskRules.load(RuleFiles.of(rulesDir));
        }
        return initial;
    }

    private PolicyLinker linker(RiskRules rules) {
        if (linker == null || !rules.linking().equals(linkerRules)) {
            linker = new PolicyLinker(rules.linking(), topics, CoreDictionaryBackground.get());
            linkerRules = rules.linking();
        }
        return linker;
    }
}
