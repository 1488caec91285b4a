package org.yqsentinel.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.yqsentinel.app.Progress;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.enrich.entity.EntityTagger;
import org.yqsentinel.enrich.sentiment.SoftmaxModel;
import org.yqsentinel.training.entity.TaggerTrainer;
import org.yqsentinel.training.sentiment.LabelledText;
import org.yqsentinel.training.sentiment.LabelledTexts;
import org.yqsentinel.training.sentiment.SoftmaxTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code yq train sentiment|ner}: trains the polarity and emotion models, or the entity tagger, on labelled files. */
@Command(name = "train", description = "Train a model on labelled data.", subcommands = {TrainCommand.Sentiment.class, TrainCommand.Ner.class})
public final class TrainCommand {

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
            try (Progress progress = Progress.start("train ner")) {
                progress.phase("the entity tagger on " + data.size() + " file" + (data.size() == 1 ? "" : "s"));
                tagger = TaggerTrainer.train(data);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
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

    @Command(name = "sentiment", description = "Train the polarity and emotion models (softmax regressions over words with negation and degree,"
            + " emoticons, character n-grams and cues).")
    static final class Sentiment implements Callable<Integer> {

        @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV or TSV with a header, a 'label' column (0/1,"
                + " negative/positive, or the emotions happy, angry, sad, fear, surprise, neutral) and one text column; repeatable."
                + " The polarity model learns from every file, the emotion model from the emotion files.")
        List<Path> data;

        @Option(names = "--part", defaultValue = "all", description = "Which texts of each file: all, train (80 %%) or test (20 %%), split by a hash of the text (default: ${DEFAULT-VALUE}).")
        String part;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write " + POLARITY_FILE + " and " + EMOTION_FILE + " to.")
        Path out;

        @Override
        public Integer call() throws IOException {
            List<LabelledText> texts = new ArrayList<>();
            for (Path file : data) {
                texts.addAll(EvalCommand.read(file, part));
            }
            long emotions = texts.stream().filter(t -> t.emotion() != null).count();
            if (emotions == 0) {
                throw new UserError("no texts labelled with an emotion in " + data + ": give at least one file whose labels are"
                        + " happy, angry, sad, fear, surprise or neutral (e.g. ../shared/data/weibo-emotion-dev.csv)");
            }
            long started = System.nanoTime();
            SoftmaxModel polarity;
            SoftmaxModel emotion;
            try (Progress progress = Progress.start("train sentiment")) {
                DictionarySegmenter segmenter = DictionarySegmenter.bundled();
                progress.phase("the polarity model on " + texts.size() + " texts");
                polarity = new SoftmaxTrainer(segmenter, SoftmaxTrainer.Options.POLARITY).polarity(texts);
                progress.phase("the emotion model on " + emotions + " texts");
                emotion = new SoftmaxTrainer(segmenter, SoftmaxTrainer.Options.EMOTIONS).emotions(texts);
            }
            Files.createDirectories(out);
            write(polarity, out.resolve(POLARITY_FILE));
            write(emotion, out.resolve(EMOTION_FILE));
            System.out.printf(Locale.ROOT, "trained on %d texts (%d with an emotion) in %.1f s: polarity %d features, emotion %d features,"
                            + " written to %s%n", texts.size(), emotions, (System.nanoTime() - started) / 1e9, polarity.size(), emotion.size(), out);
            return 0;
        }

        private static void write(SoftmaxModel model, Path file) throws IOException {
            try (OutputStream stream = Files.newOutputStream(file)) {
                model.write(stream);
            }
        }
    }

    static final String POLARITY_FILE = "polarity.tsv.gz";
    static final String EMOTION_FILE = "emotion.tsv.gz";

    static LabelledTexts.Part part(String name) {
        try {
            return LabelledTexts.Part.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--part must be all, train or test, not '" + name + "'");
        }
    }
}
