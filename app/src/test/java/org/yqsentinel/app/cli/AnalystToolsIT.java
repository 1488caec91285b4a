package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.StackCli;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.offline.AlertDiff;
import org.yqsentinel.report.Browser;
import org.yqsentinel.report.CaseFile;
import org.yqsentinel.report.CaseFiles;
import org.yqsentinel.report.brief.CaseBrief;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;

/**
 * The analyst's tools after {@code yq demo}, on the real stack: {@code yq replay} over the demo's range prints the alert
 * events the live job raised (same ids, tiers and scores) and leaves the live topics and indices as they were, from the
 * raw topics and, once retention has cut them, from the {@code yq-items} archive; {@code yq whatif} over the range;
 * {@code yq report} writes the brief as HTML (its chart seen in a real headless browser) and PDF (title and 文号 in its
 * text); {@code yq export} writes a row per post of the case as CSV and XLSX.
 */
@ExtendWith(LocalStackExtension.class)
class AnalystToolsIT {

    private static final String FROM = "2026-11-19T00:00+08:00";
    private static final String TO = "2026-11-24T00:00+08:00";
    private static final Path BUNDLED_RULES = Path.of("..", "rules", "src", "main", "resources", "rules");

    @TempDir
    Path dir;

    @Test
    void theDemosRangeReplayedReportedAndExported(StackContext stack) throws Exception {
        Path config = StackCli.config(dir, stack);
        assertThat(StackCli.run(config, "demo").exit()).isZero();
        List<Alert> live = alerts(stack);
        assertThat(live).as("the demo's alert events").isNotEmpty();
        Map<String, Long> topicsBefore = endOffsets(stack);
        long documentsBefore = count(stack, "yq-alerts") + count(stack, "yq-cases") + count(stack, "yq-risk-*") + count(stack, "yq-items-*");

        StackCli.Printed replay = StackCli.run(config, "replay", "--from", FROM, "--to", TO);

        assertThat(replay.exit()).isZero();
        assertThat(read(replay.out())).extracting(Alert::id, Alert::tier, Alert::score)
                .containsExactlyElementsOf(live.stream().map(a -> tuple(a.id(), a.tier(), a.score())).toList());
        assertThat(replay.err()).contains("replay: source the raw topics").containsPattern("records given to the job, event time reached 2026-11-2");
        assertThat(endOffsets(stack)).as("the live topics").isEqualTo(topicsBefore);

        // a range after the episode holds no post, so nothing is raised; an inverted range is refused
        StackCli.Printed later = StackCli.run(config, "replay", "--from", "2026-12-01T00:00+08:00", "--to", "2026-12-02T00:00+08:00");
        assertThat(later.exit()).isZero();
        assertThat(later.out()).isBlank();
        assertThat(StackCli.run(config, "replay", "--from", "2026-11-21T00:00+08:00", "--to", "2026-11-20T00:00+08:00").exit()).isEqualTo(2);

        Path file = dir.resolve("out").resolve("alerts.jsonl");
        assertThat(StackCli.run(config, "replay", "--from", FROM, "--to", TO, "--out", file.toString()).exit()).isZero();
        assertThat(Files.readAllLines(file)).isEqualTo(replay.out().lines().toList());

        // other rules: higher tiers. The replay under them opens nothing below their Ⅳ, and whatif over the range says
        // exactly how its events differ from the live job's
        Path higher = rules(dir.resolve("higher-rules"), """
                  IV:  {enter: 60, leave: 55, respond-within-hours: 48}
                  III: {enter: 80, leave: 75, respond-within-hours: 48}
                  II:  {enter: 90, leave: 85, respond-within-hours: 24}
                  I:   {enter: 99, leave: 95, respond-within-hours: 5}
                """);
        StackCli.Printed underHigherTiers = StackCli.run(config, "replay", "--from", FROM, "--to", TO, "--rules", higher.toString());
        assertThat(underHigherTiers.exit()).isZero();
        List<Alert> higherAlerts = read(underHigherTiers.out());
        assertThat(higherAlerts).filteredOn(a -> a.type() == AlertEventType.OPENED).isNotEmpty()
                .allSatisfy(a -> assertThat(a.score()).isGreaterThanOrEqualTo(60));
        List<AlertDiff.Change> expected = AlertDiff.between(live, higherAlerts);
        assertThat(expected).as("the higher tiers change the demo's alerts").isNotEmpty();
        StackCli.Printed whatif = StackCli.run(config, "whatif", "--rules", higher.toString(), "--from", FROM, "--to", TO);
        assertThat(whatif.exit()).isZero();
        List<JsonNode> changes = new ArrayList<>();
        for (String line : whatif.out().lines().toList()) {
            changes.add(Json.mapper().readTree(line));
        }
        assertThat(changes).extracting(c -> c.get("change").asText(), c -> c.get("id").asText())
                .containsExactlyElementsOf(expected.stream().map(c -> tuple(c.change().name().toLowerCase(Locale.ROOT), c.either().id())).toList());
        Map<AlertDiff.Kind, Long> counts = AlertDiff.counts(expected);
        assertThat(whatif.err()).contains(counts.get(AlertDiff.Kind.REMOVED) + " removed, " + counts.get(AlertDiff.Kind.ADDED) + " added, "
                + counts.get(AlertDiff.Kind.CHANGED) + " changed");
        Path broken = rules(dir.resolve("broken-rules"), "  IV: {enter: high}\n");
        assertThat(StackCli.run(config, "replay", "--from", FROM, "--to", TO, "--rules", broken.toString()).exit()).isEqualTo(2);

        // the case's documents
        // the policy's case: a topic's (the demo's bus crash) is refused by the brief and the export, with why
        String topicCase = live.stream().filter(a -> Alert.isTopic(a.subjectId())).findFirst().orElseThrow().caseId();
        StackCli.Printed topicBrief = StackCli.run(config, "report", "--case", topicCase, "--out", dir.resolve("topic").toString());
        assertThat(topicBrief.exit()).isEqualTo(2);
        assertThat(topicBrief.err()).contains("is an emerging topic's; the brief and the export cover a policy's case");
        String caseId = live.stream().filter(a -> !Alert.isTopic(a.subjectId())).findFirst().orElseThrow().caseId();
        Path report = dir.resolve("brief");
        assertThat(StackCli.run(config, "report", "--case", caseId, "--out", report.toString()).exit()).isZero();
        assertBrief(report, stack);
        // a policy's brief over a range, without a case; the HTML alone
        Path policyBrief = dir.resolve("policy-brief");
        assertThat(StackCli.run(config, "report", "--policy", "江教发〔2026〕18号", "--from", FROM, "--to", TO, "--html-only",
                "--out", policyBrief.toString()).exit()).isZero();
        try (Stream<Path> written = Files.list(policyBrief)) {
            assertThat(written.toList()).singleElement().satisfies(html -> {
                assertThat(html.getFileName().toString()).endsWith(".html");
                assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("江城市教育局关于调整中小学课后服务收费标准的通知")
                        .contains("id=\"" + CaseBrief.TIMELINE_CHART_ID + "\"");
            });
        }
        assertThat(StackCli.run(config, "report", "--policy", "江教发〔2026〕99号", "--from", FROM, "--to", TO, "--html-only").exit())
                .as("a policy the system does not hold").isEqualTo(2);
        Path csv = dir.resolve("posts.csv");
        Path xlsx = dir.resolve("posts.xlsx");
        assertThat(StackCli.run(config, "export", "--case", caseId, "--format", "csv", "--out", csv.toString()).exit()).isZero();
        assertThat(StackCli.run(config, "export", "--case", caseId, "--format", "xlsx", "--out", xlsx.toString()).exit()).isZero();
        assertExport(csv, xlsx, caseId, stack);
        assertThat(StackCli.run(config, "export", "--case", "case:nothing", "--format", "csv").exit()).isEqualTo(2);

        // the case as the desk looks at it: its stages named in Chinese, one per alert event of the case
        StackCli.Printed shown = StackCli.run(config, "case", "show", caseId);
        assertThat(shown.exit()).isZero();
        JsonNode shownCase = Json.mapper().readTree(shown.out());
        assertThat(shownCase.get("id").asText()).isEqualTo(caseId);
        assertThat(shownCase.get("statusLabel").asText()).isEqualTo(CaseStatus.valueOf(shownCase.get("status").asText()).label());
        assertThat(shownCase.get("timeline")).hasSize((int) live.stream().filter(a -> caseId.equals(a.caseId())).count())
                .allSatisfy(stage -> assertThat(stage.get("statusLabel").asText()).isNotBlank());
        assertThat(shownCase.get("responseClasses")).isNotEmpty();
        assertThat(StackCli.run(config, "case", "show", "case:nothing").exit()).isEqualTo(2);

        assertThat(endOffsets(stack)).as("the live topics").isEqualTo(topicsBefore);
        assertThat(count(stack, "yq-alerts") + count(stack, "yq-cases") + count(stack, "yq-risk-*") + count(stack, "yq-items-*"))
                .as("the live indices").isEqualTo(documentsBefore);

        // once retention has removed records taken after the range began, the replay reads the yq-items archive
        TopicPartition weibo = new TopicPartition(stack.namespace().rawTopic(Channel.WEIBO), 0);
        try (Admin admin = new KafkaClients(stack.kafkaBootstrapServers()).admin(15_000)) {
            admin.deleteRecords(Map.of(weibo, RecordsToDelete.beforeOffset(1))).all().get(15, TimeUnit.SECONDS);
        }
        StackCli.Printed fromItems = StackCli.run(config, "replay", "--from", FROM, "--to", TO);
        assertThat(fromItems.exit()).isZero();
        assertThat(fromItems.err()).contains("replay: source the " + stack.namespace().index("yq-items") + " archive");
        assertThat(read(fromItems.out())).extracting(Alert::id, Alert::tier)
                .containsExactlyElementsOf(live.stream().map(a -> tuple(a.id(), a.tier())).toList());
    }

    private static List<Alert> read(String lines) throws Exception {
        List<Alert> alerts = new ArrayList<>();
        for (String line : lines.lines().toList()) {
            alerts.add(Json.mapper().readValue(line, Alert.class));
        }
        return alerts;
    }

    /** The bundled rules in {@code folder}, their tiers replaced by {@code tiers}. */
    private static Path rules(Path folder, String tiers) throws Exception {
        try (Stream<Path> all = Files.walk(BUNDLED_RULES)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                Path to = folder.resolve(BUNDLED_RULES.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
        Path risk = folder.resolve("risk.yaml");
        String text = Files.readString(risk, StandardCharsets.UTF_8);
        String changed = text.replaceFirst("(?s)\ntiers:\n.*?\nquiet-minutes:", "\ntiers:\n" + tiers + "quiet-minutes:");
        assertThat(changed).isNotEqualTo(text);
        Files.writeString(risk, changed, StandardCharsets.UTF_8);
        return folder;
    }

    /**
     * The brief's HTML and PDF: a real headless Chromium shows the timeline chart (its bars' colour on the screen), and the
     * PDF's text holds the policy's title and 文号 (so its Chinese glyphs are there, not empty boxes).
     */
    private void assertBrief(Path report, StackContext stack) throws Exception {
        List<Path> files;
        try (Stream<Path> listed = Files.list(report)) {
            files = listed.sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString().replaceAll(".*\\.", "")).containsExactly("html", "pdf");
        Path html = files.get(0);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).contains("江教发〔2026〕18号").contains("id=\"" + CaseBrief.TIMELINE_CHART_ID + "\"");

        Path png = dir.resolve("brief.png");
        Browser.find().orElseThrow(() -> new AssertionError("no headless Chromium: run scripts/ensure-browser"))
                .screenshot(html.toAbsolutePath(), png, 1280, 2400);
        BufferedImage shot = ImageIO.read(png.toFile());
        int bar = Integer.parseInt(CaseBrief.POSTS_BAR_FILL.substring(1), 16);
        long barPixels = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                if ((shot.getRGB(x, y) & 0xFFFFFF) == bar) {
                    barPixels++;
                }
            }
        }
        assertThat(barPixels).as("pixels of the timeline's bars in a screenshot of the brief").isGreaterThan(200);

        try (PDDocument pdf = Loader.loadPDF(files.get(1).toFile())) {
            assertThat(pdf.getNumberOfPages()).isPositive();
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("江城市教育局关于调整中小学课后服务收费标准的通知").contains("江教发〔2026〕18号").contains("舆情简报");
        }
    }

    /** One row per post of the case in both files, the same item ids in the same order; the CSV with a BOM. */
    private void assertExport(Path csv, Path xlsx, String caseId, StackContext stack) throws Exception {
        List<String> posts;
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            CaseFile file = new CaseFiles(es.client(), stack.namespace()).ofCase(caseId).orElseThrow();
            posts = file.posts().stream().map(p -> p.item().id()).toList();
            long linked = es.client().count(c -> c.index(stack.namespace().index("yq-items-*")).query(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field("policyLinks.policyId").value(file.subjectId())))
                    .filter(f -> f.range(r -> r.date(d -> d.field("publishedAt").gte(file.from().toString()).lt(file.to().toString())))))))
                    .count();
            assertThat(linked).as("more than one page of a scan").isGreaterThan(1000);
            assertThat(posts).as("every linked post in the case's range, read a page at a time").hasSize(Math.toIntExact(linked));
        }
        assertThat(posts).as("the case's linked posts").doesNotHaveDuplicates();
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = csvRows(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        int idColumn = rows.get(0).indexOf("条目ID");
        assertThat(idColumn).as("the item id column in " + rows.get(0)).isNotNegative();
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(idColumn)).containsExactlyElementsOf(posts);
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook book = new ReadableWorkbook(in)) {
            List<org.dhatim.fastexcel.reader.Row> sheet = book.getFirstSheet().read();
            assertThat(sheet).hasSize(posts.size() + 1);
            assertThat(sheet.subList(1, sheet.size())).extracting(row -> row.getCellText(idColumn)).containsExactlyElementsOf(posts);
        }
    }

    /** RFC 4180: fields in double quotes may hold commas, quotes (doubled) and line breaks; records end with CRLF. */
    private static List<List<String>> csvRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static List<Alert> alerts(StackContext stack) throws Exception {
        String index = stack.namespace().index("yq-alerts");
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            es.client().indices().refresh(r -> r.index(index));
            List<Alert> alerts = new ArrayList<>();
            for (var hit : es.client().search(s -> s.index(index).size(1000), JsonNode.class).hits().hits()) {
                alerts.add(Json.mapper().treeToValue(Objects.requireNonNull(hit.source()), Alert.class));
            }
            alerts.sort(Comparator.comparing(Alert::windowEnd).thenComparing(Alert::subjectId).thenComparing(Alert::id));
            return alerts;
        }
    }

    private static long count(StackContext stack, String index) throws Exception {
        String name = stack.namespace().index(index);
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            es.client().indices().refresh(r -> r.index(name).allowNoIndices(true));
            return es.client().count(c -> c.index(name).allowNoIndices(true)).count();
        }
    }

    private static Map<String, Long> endOffsets(StackContext stack) {
        Map<String, Long> ends = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaClients(stack.kafkaBootstrapServers()).consumer(Map.of())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : stack.namespace().topics()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.endOffsets(partitions).forEach((partition, end) -> ends.put(partition.toString(), end));
        }
        return ends;
    }
}
