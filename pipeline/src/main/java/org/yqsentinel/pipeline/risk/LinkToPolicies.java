package org.yqsentinel.pipeline.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyLink;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.pipeline.monitor.ControlEvent;
import org.yqsentinel.pipeline.monitor.FailedItems;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.link.PolicyLinker;
import org.yqsentinel.rules.link.WordBackground;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.risk.WatchedPolicy;

/**
 * Links each enriched post to the policies watched at its publish time ({@link PolicyLinker}): the post
 * goes on with its links (the evidence kept on the item), and once per link, keyed by policy, to the risk
 * windows. The word background of the keyword links is this subtask's operator state; at parallelism 1
 * (the default) it is the whole stream, so replays give the same links.
 */
public final class LinkToPolicies extends BroadcastProcessFunction<EnrichedItem, ControlEvent, EnrichedItem>
        implements CheckpointedFunction {

    public static final OutputTag<LinkedPost> LINKED = new OutputTag<>("linked-posts", TypeInformation.of(LinkedPost.class));
    static final String STAGE = "link";
    private static final Logger LOG = LoggerFactory.getLogger(LinkToPolicies.class);

    private final String rulesDir;
    private final GivenPolicies given;
    private transient RiskRules initial;
    private transient Watchlist.View view;
    private transient PolicyLinker linker;
    private transient RiskRules.Linking linkerRules;
    private transient WordBackground background;
    private transient ListState<byte[]> backgroundState;
    private transient Counter linked;
    private transient Counter failed;

    /**
     * @param rulesDir a rules folder present on every task manager, or empty for the bundled rules
     * @param given    the policies known before the first record (none on the live job)
     */
    public LinkToPolicies(String rulesDir, GivenPolicies given) {
        this.rulesDir = rulesDir;
        this.given = given;
    }

    @Override
    public void open(OpenContext context) {
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
    }

    /** The post's links to the policies watched at its publish time; the post's words join the background. */
    private List<PolicyLink> links(EnrichedItem post, Watchlist.View view) {
        Item item = post.item();
        Instant at = item.publishedAt();
        RiskRules rules = view.rules().riskAt(at);
        List<PolicyLinker.Policy> policies = new ArrayList<>();
        for (PolicyDocument document : view.active().at(at)) {
            WatchedPolicy watched = view.policy(document.id());
            policies.add(new PolicyLinker.Policy(document, watched.tokens()));
        }
        List<PolicyLink> links = List.of();
        if (!policies.isEmpty()) {
            List<PolicyLinker.Link> found = linker(rules).link(item.title(), item.text(), post.analysis().tokens(), policies, background);
            links = found.stream().map(l -> new PolicyLink(l.policyId(), l.evidence().name(), l.matched(), l.confidence())).toList();
        }
        background.observe(at, post.analysis().tokens());
        return links;
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
            linker = new PolicyLinker(rules.linking());
            linkerRules = rules.linking();
        }
        return linker;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        backgroundState.update(List.of(background.toBytes()));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        backgroundState = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("word-background", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        int days = initial().linking().backgroundDays();
        background = new WordBackground(days);
        for (byte[] snapshot : backgroundState.get()) {
            background = WordBackground.fromBytes(snapshot);  // at a changed parallelism, one subtask's background each
        }
    }
}
