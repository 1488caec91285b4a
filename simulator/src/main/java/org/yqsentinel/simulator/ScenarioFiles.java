package org.yqsentinel.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.simulator.Scenario.MalformedRecord;

/**
 * Writes a scenario as the files crawlers would leave: {@code policy.txt}, the portal page as text, and
 * one record per line in each channel's crawler shape in {@code news.jsonl}, {@code weibo.jsonl} and
 * {@code wechat.jsonl}, broken lines included. Regenerate the sample: {@code ScenarioFiles [dir] [seed]}.
 */
public final class ScenarioFiles {

    public static final long DEFAULT_SEED = 20261120L;
    public static final String DEFAULT_DIR = "demo/sample";
    public static final String POLICY_FILE = "policy.txt";
    /** Where earlier versions wrote the policy, as JSON; removed so a regenerated folder holds one policy. */
    static final String FORMER_POLICY_FILE = "policy.jsonl";

    private static final int POLICY_PAGE_VIEWS = 3618;

    private ScenarioFiles() {}

    public static String fileName(Channel channel) {
        return channel.id() + ".jsonl";
    }

    /** The lines of a channel's file: its items in order, the malformed ones spread evenly among them. */
    public static List<String> lines(Scenario scenario, Channel channel) {
        Map<String, Item> byId = scenario.items().stream().collect(Collectors.toMap(Item::id, Function.identity()));
        List<Item> items = scenario.items(channel);
        List<MalformedRecord> malformed = scenario.malformed(channel);
        List<String> lines = new ArrayList<>(items.size() + malformed.size());
        int next = 0;
        for (int i = 0; i <= items.size(); i++) {
            while (next < malformed.size() && (long) (next + 1) * items.size() / (malformed.size() + 1) == i) {
                lines.add(malformed.get(next++).line());
            }
            if (i < items.size()) {
                Item item = items.get(i);
                lines.add(Json.toString(CrawlerShapes.record(item, item.repostOf() == null ? null : byId.get(item.repostOf()))));
            }
        }
        return lines;
    }

    /** The policy as its portal page reads when saved as text: the metadata block, the page's heading and masthead, the body. */
    public static String policyPage(PolicyDocument policy) {
        List<String> lines = new ArrayList<>();
        lines.add("索引号: " + policy.indexNumber() + "\t分类: " + policy.category());
        lines.add("发布机构: " + policy.issuingOffice() + "\t成文日期: " + policy.writtenOn());
        lines.add("名称: " + policy.title());
        lines.add("文号: " + policy.documentNumber() + "\t发布日期: " + policy.publishedOn());
        lines.add("主题词: " + String.join(" ", policy.subjectWords()));
        lines.add("");
        lines.add("# " + policy.title());
        lines.add("");
        lines.add("发布日期: " + policy.publishedOn() + " 浏览次数: " + POLICY_PAGE_VIEWS);
        for (String masthead : List.of(policy.issuingOffice(), policy.documentNumber(), policy.title())) {
            lines.add("");
            lines.add(masthead);
        }
        for (String paragraph : policy.body().split("\n")) {
            lines.add("");
            lines.add(paragraph);
        }
        return String.join("\n", lines) + "\n";
    }

    public static void write(Scenario scenario, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(FORMER_POLICY_FILE));
        Files.writeString(dir.resolve(POLICY_FILE), policyPage(scenario.policy()), StandardCharsets.UTF_8);
        for (Channel channel : Channel.values()) {
            Files.writeString(dir.resolve(fileName(channel)), String.join("\n", lines(scenario, channel)) + "\n",
                    StandardCharsets.UTF_8);
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : DEFAULT_DIR);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        Scenario scenario = new ScenarioGenerator(seed).generate();
        write(scenario, dir);
        System.out.printf("wrote %s (seed %d): policy %s%n", dir, seed, scenario.policy().id());
        for (Channel channel : Channel.values()) {
            System.out.printf("  %-13s %3d items, %d malformed%n", fileName(channel),
                    scenario.items(channel).size(), scenario.malformed(channel).size());
        }
    }
}
