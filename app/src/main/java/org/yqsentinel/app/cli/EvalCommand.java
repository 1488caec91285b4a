package org.yqsentinel.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.yqsentinel.app.Progress;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.enrich.entity.EntityTagger;
import org.yqsentinel.enrich.privacy.PersonalDataMasker;
import org.yqsentinel.enrich.TextAnalyzer;
import org.yqsentinel.enrich.sentiment.SentimentAnalyzer;
import org.yqsentinel.enrich.sentiment.SoftmaxModel;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.dictionary.Dictionaries;
import org.yqsentinel.rules.topic.TopicRules;
import org.yqsentinel.training.entity.NerEvaluation;
import org.yqsentinel.training.hardcase.HardCase;
import org.yqsentinel.training.hardcase.HardCaseEvaluation;
import org.yqsentinel.training.hardcase.HardCases;
import org.yqsentinel.training.privacy.MaskingEvaluation;
import org.yqsentinel.training.sentiment.LabelledText;
import org.yqsentinel.training.sentiment.LabelledTexts;
import org.yqsentinel.training.sentiment.LexiconSentiment;
import org.yqsentinel.training.sentiment.SentimentEvaluation;
import org.yqsentinel.training.sentiment.SentimentLexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yq eval sentiment|ner|privacy|cases|linking}: how the models, the de-identification, the enrich step and
 * the policy linking ({@link EvalLinkingCommand}) do on labelled files.
 */
@Command(name = "eval", description = "Measure a model on labelled data.",
        subcommands = {EvalCommand.Sentiment.class, EvalCommand.Ner.class, EvalCommand.Privacy.class, EvalCommand.Cases.class,
                EvalLinkingCommand.class})
public final class EvalCommand {

    @ParentCommand
    Yq yq;

    @Command(name = "cases", description = "Polarity and topics that the monitor job's enrich step reads in hand-labelled hard cases"
            + " (docs/data/hard-cases.tsv): polarity accuracy per kind of post, precision and recall per topic, the wrong cases;"
            + " the last lines are polarity_accuracy=0.NNNN and topic_accuracy=0.NNNN.")
    static final class Cases implements Callable<Integer> {

        @ParentCommand
        EvalCommand eval;

        @Option(names = "--data", required = true, paramLabel = "FILE",
                description = "Tab-separated polarity, topics, kind and text under that header row, as docs/data/hard-cases.tsv.")
        Path data;

        @Option(names = "--model", paramLabel = "DIR", description = "A folder written by 'yq train sentiment' (default: the bundled models).")
        Path model;

        @Override
        public Integer call() throws IOException {
            Yq.requireFile(data);
            RuleFiles rules = RuleFiles.of(eval.yq.config().rules().dir());
            TopicRules topicRules = TopicRules.load(rules);
            Dictionaries dictionaries = Dictionaries.load(rules);
            SentimentAnalyzer sentiment = model == null ? null : Sentiment.load(model, new DictionarySegmenter(dictionaries));
            TextAnalyzer analyzer = new TextAnalyzer(TextAnalyzer.DEFAULT_KEYWORD_COUNT, dictionaries, topicRules, sentiment);
            List<String> topics = topicRules.topics().stream().map(TopicRules.Topic::name).toList();
            List<HardCase> cases;
            try {
                cases = HardCases.read(data, topics);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            // the text as ingest delivers it to the monitor job, read as the job's enrich step reads it
            TextNormalizer normalizer = new TextNormalizer();
            HardCaseEvaluation.Result result = HardCaseEvaluation.run(String.valueOf(data.getFileName()), cases, topics,
                    text -> analyzer.analyze(null, normalizer.plain(text)));
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            out.println(result.report());
            out.flush();
            return 0;
        }
    }

    @Command(name = "ner", description = "Precision, recall and F1 of person, place and organization names on a Weibo NER file; the last line is f1=0.NN.")
    static final class Ner implements Callable<Integer> {

        @Option(names = "--data", required = true, paramLabel = "FILE", description = "A file in the Weibo NER format (char<TAB>BIO tag, blank line between posts).")
        Path data;

        @Option(names = "--model", paramLabel = "FILE", description = "A tagger written by 'yq train ner' (default: the bundled one).")
        Path model;

        @Override
        public Integer call() throws IOException {
            Yq.requireFile(data);
            EntityTagger tagger;
            if (model == null) {
                tagger = EntityTagger.bundled();
            } else {
                try (InputStream in = Files.newInputStream(model)) {
                    tagger = EntityTagger.read(in, model.toString());
                }
            }
            try {
                System.out.println(NerEvaluation.run(tagger, data).report());
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            return 0;
        }
    }

    @Command(name = "privacy", description = "Precision and recall of de-identification per kind (name, phone, id, bank, email, plate) on a case file; the last lines are precision=0.NNNN and recall=0.NNNN.")
    static final class Privacy implements Callable<Integer> {

        @Option(names = "--data", required = true, paramLabel = "FILE", description = "A case file: id<TAB>style<TAB>text, spans to mask written [[kind:span]] (see docs/enrichment.md).")
        Path data;

        @Option(names = "--errors", description = "Also list each span masked wrongly or missed, by case id.")
        boolean errors;

        @Override
        public Integer call() throws IOException {
            Yq.requireFile(data);
            MaskingEvaluation.Result result;
            try {
                result = MaskingEvaluation.run(new PersonalDataMasker(), data);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            if (errors) {
                result.errors().forEach(System.out::println);
            }
            System.out.println(result.report());
            return 0;
        }
    }

    @Command(name = "sentiment", description = "How well the polarity and emotion models read labelled texts. Polarity files (0/1):"
            + " accuracy, per-class precision and recall, and the lexicon baseline; emotion files: three-class polarity accuracy"
            + " (surprise left out) and the six emotions' F1. Last lines: accuracy=, polarity_accuracy=, emotion_macro_f1=.")
    static final class Sentiment implements Callable<Integer> {

        @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV or TSV with a header, a 'label' column and one text column; repeatable.")
        List<Path> data;

        @Option(names = "--part", defaultValue = "all", description = "Which texts of each file: all, train or test (default: ${DEFAULT-VALUE}).")
        String part;

        @Option(names = "--model", paramLabel = "DIR", description = "A folder written by 'yq train sentiment' (default: the bundled models).")
        Path model;

        @Override
        public Integer call() throws IOException {
            try (Progress progress = Progress.start("eval sentiment")) {
                PrintStream out = progress.above(System.out);
                progress.phase("loading the models");
                SentimentAnalyzer analyzer = model == null ? SentimentAnalyzer.bundled() : load(model, DictionarySegmenter.bundled());
                LexiconSentiment baseline = new LexiconSentiment(SentimentLexicon.bundled());
                List<LabelledText> binary = new ArrayList<>();
                SentimentEvaluation emotions = new SentimentEvaluation();
                for (Path file : data) {
                    progress.phase("reading " + file.getFileName());
                    List<LabelledText> texts = read(file, part);
                    progress.phase("reading " + texts.size() + " texts of " + file.getFileName() + " with the models");
                    if (texts.stream().anyMatch(t -> t.emotion() != null || t.polarity() == org.yqsentinel.model.Sentiment.Label.NEUTRAL)) {
                        SentimentEvaluation one = new SentimentEvaluation();
                        for (LabelledText text : texts) {
                            SentimentAnalyzer.Reading reading = analyzer.read(text.text());
                            one.add(text, reading);
                            emotions.add(text, reading);
                        }
                        out.printf(Locale.ROOT, "%s (%s, %d texts): %s%n", file.getFileName(), part, texts.size(), one.summary());
                        continue;
                    }
                    binary.addAll(texts);
                    Counts lexicon = Counts.of(texts, t -> baseline.isPositive(t.text()));
                    Counts counts = Counts.of(texts, t -> analyzer.analyze(t.text()).score() >= 0);
                    out.printf(Locale.ROOT, "%s (%s, %d texts): model accuracy %.4f, positive P %.4f R %.4f, negative P %.4f R %.4f;"
                                    + " lexicon baseline accuracy %.4f%n", file.getFileName(), part, texts.size(), counts.accuracy(),
                            counts.precision(true), counts.recall(true), counts.precision(false), counts.recall(false), lexicon.accuracy());
                }
                progress.phase("the totals");
                if (!binary.isEmpty()) {
                    out.printf(Locale.ROOT, "accuracy=%.4f%n", Counts.of(binary, t -> analyzer.analyze(t.text()).score() >= 0).accuracy());
                }
                if (emotions.texts() > 0) {
                    out.printf(Locale.ROOT, "polarity_accuracy=%.4f%n", emotions.polarityAccuracy());
                }
                if (emotions.textsWithEmotion() > 0) {
                    out.printf(Locale.ROOT, "emotion_macro_f1=%.4f%n", emotions.emotionMacroF1());
                }
                return 0;
            }
        }

        /** The models a 'yq train sentiment' wrote to {@code dir}, reading with {@code segmenter}. */
        static SentimentAnalyzer load(Path dir, DictionarySegmenter segmenter) throws IOException {
            Yq.requireFile(dir.resolve(TrainCommand.POLARITY_FILE));
            Yq.requireFile(dir.resolve(TrainCommand.EMOTION_FILE));
            try (InputStream polarity = Files.newInputStream(dir.resolve(TrainCommand.POLARITY_FILE));
                 InputStream emotion = Files.newInputStream(dir.resolve(TrainCommand.EMOTION_FILE))) {
                return new SentimentAnalyzer(SoftmaxModel.read(polarity, dir.resolve(TrainCommand.POLARITY_FILE).toString()),
                        SoftmaxModel.read(emotion, dir.resolve(TrainCommand.EMOTION_FILE).toString()), segmenter);
            } catch (IllegalArgumentException e) {
                throw new UserError(dir + ": " + e.getMessage());
            }
        }
    }

    static List<LabelledText> read(Path file, String part) throws IOException {
        Yq.requireFile(file);
        try {
            return LabelledTexts.read(file, TrainCommand.part(part));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** A confusion matrix of positive-or-not predictions. */
    record Counts(int truePositive, int falsePositive, int trueNegative, int falseNegative) {

        static Counts of(List<LabelledText> texts, Predicate<LabelledText> predictsPositive) {
            int tp = 0;
            int fp = 0;
            int tn = 0;
            int fn = 0;
            for (LabelledText text : texts) {
                boolean predicted = predictsPositive.test(text);
                if (predicted && text.positive()) {
                    tp++;
                } else if (predicted) {
                    fp++;
                } else if (text.positive()) {
                    fn++;
                } else {
                    tn++;
                }
            }
            return new Counts(tp, fp, tn, fn);
        }

        double accuracy() {
            return ratio(truePositive + trueNegative, truePositive + falsePositive + trueNegative + falseNegative);
        }

        double precision(boolean positive) {
            return positive ? ratio(truePositive, truePositive + falsePositive) : ratio(trueNegative, trueNegative + falseNegative);
        }

        double recall(boolean positive) {
            return positive ? ratio(truePositive, truePositive + falseNegative) : ratio(trueNegative, trueNegative + falsePositive);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 0 : a / (double) b;
        }
    }
}
