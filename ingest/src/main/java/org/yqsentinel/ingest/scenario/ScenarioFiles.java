package org.yqsentinel.ingest.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.yqsentinel.ingest.scenario.Scenario.MalformedRecord;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.json.Json;

/**
 * Writes a scenario as the files a crawler would leave: {@code policy.jsonl} and one raw JSON line
 * per post in {@code news.jsonl}, {@code weibo.jsonl} and {@code wechat.jsonl}, broken lines included.
 * Run it to regenerate the bundled sample: {@code ScenarioFiles [dir=demo/sample] [seed=20261120]}.
 */
public final class ScenarioFiles {

    public static final long DEFAULT_SEED = 20261120L;
    public static final String DEFAULT_DIR = "demo/sample";
    public static final String POLICY_FILE = "policy.jsonl";

    private static final DateTimeFormatter BEIJING_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private ScenarioFiles() {}

    public static String fileName(Channel channel) {
        return channel.id() + ".jsonl";
    }

    /**
     * The raw form of an item: its fields without {@code id} and {@code channel} (the topic says
     * which), {@code publishedAt} in Beijing local time with offset as crawlers report it.
     */
    public static ObjectNode rawNode(Item item) {
        ObjectNode node = Json.mapper().valueToTree(item);
        node.remove(List.of("id", "channel", "textTruncated"));
        node.put("publishedAt", item.publishedAt().atOffset(ScenarioGenerator.BEIJING).format(BEIJING_TIME));
        JsonNode engagement = node.get("engagement");
        if (engagement != null && engagement.isEmpty()) {
            node.remove("engagement");
        }
        return node;
    }

    public static String rawLine(Item item) {
        return Json.toString(rawNode(item));
    }

    /** The lines of a channel's file: its items in order, the malformed ones spread evenly among them. */
    public static List<String> lines(Scenario scenario, Channel channel) {
        List<Item> items = scenario.items(channel);
        List<MalformedRecord> malformed = scenario.malformed(channel);
        List<String> lines = new ArrayList<>(items.size() + malformed.size());
        int next = 0;
        for (int i = 0; i <= items.size(); i++) {
            while (next < malformed.size() && (long) (next + 1) * items.size() / (malformed.size() + 1) == i) {
                lines.add(malformed.get(next++).line());
            }
            if (i < items.size()) {
                lines.add(rawLine(items.get(i)));
            }
        }
        return lines;
    }

    public static void write(Scenario scenario, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeLines(dir.resolve(POLICY_FILE), List.of(Json.toString(scenario.policy())));
        for (Channel channel : Channel.values()) {
            writeLines(dir.resolve(fileName(channel)), lines(scenario, channel));
        }
    }

    private static void writeLines(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
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
