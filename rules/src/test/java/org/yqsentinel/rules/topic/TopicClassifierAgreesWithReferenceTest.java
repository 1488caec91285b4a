package org.yqsentinel.rules.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.TopicHit;
import org.yqsentinel.rules.RuleFiles;

/**
 * The one-pass {@link TopicClassifier} gives exactly the hits of {@link ReferenceTopicClassifier}, the
 * {@code indexOf} scan it replaced: on hard cases, and on thousands of texts built from fixed seeds out of
 * the rules' words, not-when phrases, pieces of them and filler.
 */
class TopicClassifierAgreesWithReferenceTest {

    private static final TopicRules BUNDLED = TopicRules.load(RuleFiles.bundled());
    private static final String FILLER = "的了在是很又也，。！？ \n我他这说";
    private static final String SMALL_ALPHABET = "甲乙丙";

    private static final List<String> HARD_CASES = List.of(
            "", " ", "\n",
            "孩子放学没人接，托管费又涨了，双职工家庭怎么办",
            "排了三个小时队才挂上号，看个专家比登天还难",
            "炒股三年，交了学费才明白什么叫风险",
            "我们部门的工作人员态度很好，一次就办完了",
            "酒店房间很干净，前台服务也热情",
            "开会时大家头脑风暴，想了很多点子",
            "他是个老司机带着新人跑业务",
            "网上信息污染太严重，谣言满天飞",
            "这家店的养老保险代缴服务挺方便",
            "课后服务收费上涨，孩子生病去医院挂号也要排很久",
            "交了学费才懂，孩子的学费又涨了",
            "交学费交过学费人生的学费",
            "医生说挂不上号，家庭医生说挂上号了",
            "老司机带老司机开车，工作人员找工作",
            "养老保险养老服务养老院养老",
            "学费学费学费");

    @Test
    void agreesOnHardCasesAndOnTextsBuiltFromTheBundledRules() {
        List<String> texts = new ArrayList<>(HARD_CASES);
        texts.addAll(textsFrom(BUNDLED, new Random(20261120), 4000, 16));

        assertThat(disagreements(BUNDLED, texts)).isEmpty();
        assertThat(changedByNotWhen(BUNDLED, texts)).as("texts whose topics a not-when phrase changes")
                .isGreaterThan(texts.size() / 4);
    }

    @Test
    void agreesOnRandomRulesWhoseWordsAndPhrasesOverlapEachOther() {
        Random random = new Random(42);
        int changed = 0;
        for (int set = 0; set < 400; set++) {
            TopicRules rules = randomRules(random);
            List<String> texts = textsFrom(rules, random, 25, 8);

            assertThat(disagreements(rules, texts)).as("rules %s", rules).isEmpty();
            changed += changedByNotWhen(rules, texts);
        }
        assertThat(changed).as("texts whose topics a not-when phrase changes").isGreaterThan(2500);
    }

    private static List<String> disagreements(TopicRules rules, List<String> texts) {
        TopicClassifier classifier = new TopicClassifier(rules);
        ReferenceTopicClassifier reference = new ReferenceTopicClassifier(rules);
        List<String> disagreements = new ArrayList<>();
        for (String text : texts) {
            List<TopicHit> expected = reference.classify(text);
            List<TopicHit> actual = classifier.classify(text);
            if (!actual.equals(expected)) {
                disagreements.add(text + ": expected " + expected + " but was " + actual);
            }
        }
        return disagreements;
    }

    /** How many texts the reference classifies differently once the not-when phrases are dropped. */
    private static int changedByNotWhen(TopicRules rules, List<String> texts) {
        ReferenceTopicClassifier with = new ReferenceTopicClassifier(rules);
        ReferenceTopicClassifier without = new ReferenceTopicClassifier(new TopicRules(rules.minimumScore(),
                rules.topics().stream()
                        .map(t -> new TopicRules.Topic(t.name(), t.department(), t.strong(), t.weak(), List.of()))
                        .toList()));
        return (int) texts.stream().filter(text -> !with.classify(text).equals(without.classify(text))).count();
    }

    /**
     * Up to {@code maxParts} parts each: a word, a not-when phrase, a piece of either (a prefix, a suffix or
     * an inner part, so that matches overlap) or a filler character.
     */
    private static List<String> textsFrom(TopicRules rules, Random random, int count, int maxParts) {
        List<String> words = rules.topics().stream().flatMap(t -> Stream.concat(t.strong().stream(), t.weak().stream()))
                .distinct().toList();
        List<String> phrases = rules.topics().stream().flatMap(t -> t.notWhen().stream()).distinct().toList();
        List<String> pieces = pieces(Stream.concat(words.stream(), phrases.stream()).toList());
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int parts = 1 + random.nextInt(maxParts); parts > 0; parts--) {
                int kind = random.nextInt(8);
                if (kind < 3) {
                    text.append(pick(words, random));
                } else if (kind < 5 && !phrases.isEmpty()) {
                    text.append(pick(phrases, random));
                } else if (kind < 6) {
                    text.append(pick(pieces, random));
                } else {
                    text.append(FILLER.charAt(random.nextInt(FILLER.length())));
                }
            }
            texts.add(text.toString());
        }
        return texts;
    }

    private static List<String> pieces(List<String> strings) {
        Set<String> pieces = new LinkedHashSet<>();
        for (String string : strings) {
            for (int from = 0; from < string.length(); from++) {
                for (int to = from + 1; to <= string.length(); to++) {
                    pieces.add(string.substring(from, to));
                }
            }
        }
        return List.copyOf(pieces);
    }

    /**
     * Up to four topics whose words and phrases are short strings over three characters, so that they are
     * often prefixes, suffixes or parts of each other, repeat within and across topics, and equal a phrase.
     */
    private static TopicRules randomRules(Random random) {
        List<TopicRules.Topic> topics = new ArrayList<>();
        for (int t = 0, count = 1 + random.nextInt(4); t < count; t++) {
            topics.add(new TopicRules.Topic("T" + t, "D" + t, strings(random, 1, 4), strings(random, 0, 4),
                    strings(random, 0, 3)));
        }
        double[] minimums = {1, 2, 2.5, 3, 4};
        return new TopicRules(minimums[random.nextInt(minimums.length)], topics);
    }

    private static List<String> strings(Random random, int min, int max) {
        String[] strings = new String[min + random.nextInt(max - min + 1)];
        for (int i = 0; i < strings.length; i++) {
            StringBuilder string = new StringBuilder();
            for (int length = 1 + random.nextInt(3); length > 0; length--) {
                string.append(SMALL_ALPHABET.charAt(random.nextInt(SMALL_ALPHABET.length())));
            }
            strings[i] = string.toString();
        }
        return List.of(strings);
    }

    private static String pick(List<String> strings, Random random) {
        return strings.get(random.nextInt(strings.size()));
    }
}
