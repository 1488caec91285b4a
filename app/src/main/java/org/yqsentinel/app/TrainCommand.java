package org.yqsentinel.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.enrich.entity.EntityTagger;
import org.yqsentinel.enrich.entity.TaggerTrainer;
import org.yqsentinel.enrich.sentiment.LabelledText;
import org.yqsentinel.enrich.sentiment.LabelledTexts;
import org.yqsentinel.enrich.sentiment.SentimentModel;
import org.yqsentinel.enrich.sentiment.SentimentTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code yq train sentiment}: trains the sentiment model on labelled CSV/TSV files. */
@Command(name = "train", description = "Train a model on labelled data.", subcommands = {TrainCommand.Sentiment.class, TrainCommand.Ner.class})
final class TrainCommand {

    @Command(name = "ner", description = "Train the entity tagger (character-level structured perceptron) on Weibo NER files (char<TAB>BIO tag).")
    static final class Ner implements Callable<Integer> {

        @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training file in the Weibo NER format; repeatable.")
        List<Path> data;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the tagger (gzipped).")
        Path out;

        @Override
        public Integer call() throws IOException {
            data.forEach(Yq::requireFile);
            long started = System.nanoTime();
            EntityTagger tagger;
            try {
                tagger = TaggerTrainer.train(data);
            } catch (IllegalArgumentException e) {
                throw new Yq.UserError(e.getMessage());
            }
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            try (OutputStream stream = Files.newOutputStream(out)) {
                tagger.write(stream);
            }
            System.out.printf(Locale.ROOT, "trained on %s in %.1f s, written to %s%n", data, (System.nanoTime() - started) / 1e9, out);
            return 0;
        }
    }

    @Command(name = "sentiment", description = "Train the sentiment model (logistic regression over words, negation, emoticons, character bigrams).")
    static final class Sentiment implements Callable<Integer> {

        @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV or TSV with a header, a 'label' column (0/1 or negative/positive) and one text column; repeatable.")
        List<Path> data;

        @Option(names = "--part", defaultValue = "all", description = "Which texts of each file: all, train (80 %) or test (20 %), split by a hash of the text (default: ${DEFAULT-VALUE}).")
        String part;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model (gzipped feature<TAB>weight lines).")
        Path out;

        @Override
        public Integer call() throws IOException {
            List<LabelledText> texts = new ArrayList<>();
            for (Path file : data) {
                texts.addAll(EvalCommand.read(file, part));
            }
            long started = System.nanoTime();
            DictionarySegmenter segmenter = DictionarySegmenter.bundled();
            SentimentModel model = new SentimentTrainer(segmenter, SentimentTrainer.Options.DEFAULT).train(texts);
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            try (OutputStream stream = Files.newOutputStream(out)) {
                model.write(stream);
            }
            System.out.printf(Locale.ROOT, "trained on %d texts (%d positive) in %.1f s: %d features, written to %s%n", texts.size(),
                    texts.stream().filter(LabelledText::positive).count(), (System.nanoTime() - started) / 1e9, model.size(), out);
            return 0;
        }
    }

    static LabelledTexts.Part part(String name) {
        try {
            return LabelledTexts.Part.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Yq.UserError("--part must be all, train or test, not '" + name + "'");
        }
    }
}
