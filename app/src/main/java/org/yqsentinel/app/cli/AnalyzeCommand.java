package org.yqsentinel.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.yqsentinel.app.Yq;
import org.yqsentinel.enrich.TextAnalyzer;
import org.yqsentinel.enrich.privacy.PersonalDataMasker;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.rules.RuleFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yq analyze}: what Sentinel reads in posts, without a stack. Each stdin line is a text (normalized
 * as ingest does) or an item as JSON (as {@code yq ingest --check} writes them); each stdout line is
 * the enrichment as JSON, with the text de-identified for case records.
 */
@Command(name = "analyze", description = "Read text lines or item JSON lines on stdin; write tokens, keywords, region, topics,"
        + " sentiment and de-identified text as JSON lines on stdout. No stack needed.")
public final class AnalyzeCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @Override
    public Integer call() throws IOException {
        String rulesDir = yq.config().rules().dir();
        TextAnalyzer analyzer = new TextAnalyzer(RuleFiles.of(rulesDir));
        TextNormalizer normalizer = new TextNormalizer();
        PersonalDataMasker masker = new PersonalDataMasker();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int number = 0;
        String line;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            ObjectNode result;
            if (line.stripLeading().startsWith("{")) {
                Item item;
                try {
                    item = Json.mapper().readValue(line, Item.class);
                } catch (IOException e) {
                    System.err.println("stdin:" + number + ": not an item: " + e.getMessage().lines().findFirst().orElse(""));
                    continue;
                }
                EnrichedItem enriched = analyzer.enrich(item);
                result = Json.mapper().valueToTree(enriched);
                result.put("maskedText", masker.mask(item.text()).text());
            } else {
                String text = normalizer.plain(line);
                Analysis analysis = analyzer.analyze(null, text);
                result = Json.mapper().createObjectNode().put("text", text);
                result.setAll((ObjectNode) Json.mapper().valueToTree(analysis));
                analyzer.region(null, null, analysis.tokens()).ifPresent(region -> result.set("region", Json.mapper().valueToTree(region)));
                result.put("maskedText", masker.mask(text).text());
            }
            out.println(Json.toString(result));
        }
        out.flush();
        return 0;
    }
}
