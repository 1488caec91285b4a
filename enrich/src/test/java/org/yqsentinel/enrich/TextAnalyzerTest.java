package org.yqsentinel.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import java.time.Instant;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.NamedEntity;
import org.yqsentinel.model.TopicHit;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.dictionary.Dictionaries;

class TextAnalyzerTest {

    private static final String TITLE = "江城市调整中小学课后服务收费标准";
    private static final String TEXT = "江城市教育局日前印发通知，调整全市中小学课后服务收费标准。"
            + "不少家长认为收费上涨过快，课后服务本应减轻家长负担。教育局表示将加强收费监管，并对困难家庭给予补贴。";

    private final TextAnalyzer analyzer = new TextAnalyzer();

    @Test
    void tokensAreContentWordsInTextOrderWithoutPunctuationOrStopWords() {
        Analysis analysis = analyzer.analyze(TITLE, TEXT);
        assertThat(analysis.tokens()).contains("中小学", "课后服务", "收费标准", "市教育局", "家长", "补贴")
                .doesNotContain("，", "。", "的", "并");
        assertThat(analysis.tokens().indexOf("市教育局")).isLessThan(analysis.tokens().indexOf("家长"));
    }

    @Test
    void personNamesTheTaggerFindsAreSingleTokens() {
        for (String text : List.of("昨天张晓峰在杭州市西湖区人民医院见到了李明远。", "记者李明远报道：市民陈小红投诉物业。")) {
            Analysis analysis = analyzer.analyze(null, text);
            List<String> persons = analysis.entities().stream()
                    .filter(e -> e.kind() == NamedEntity.Kind.PERSON).map(e -> e.text()).toList();
            assertThat(persons).as(text).isNotEmpty().allSatisfy(name -> assertThat(name).hasSizeGreaterThan(1));
            assertThat(analysis.tokens()).as(text).containsAll(persons);
        }
        assertThat(analyzer.analyze(null, "记者李明远报道：市民陈小红投诉物业。").tokens()).contains("李明远", "陈小红")
                .doesNotContain("明远", "小红");
    }

    @Test
    void segmentationCarriesOffsetsAndJoinsBackToTheText() {
        DictionarySegmenter segmenter = DictionarySegmenter.bundled();
        for (String text : List.of(TITLE + "\n" + TEXT, "😀 省教育厅推进一网通办，ＡＢＣ全角 and ASCII 123。", "卫健委")) {
            StringBuilder joined = new StringBuilder();
            for (var term : segmenter.seg(text)) {
                assertThat(term.offset).isEqualTo(joined.length());
                joined.append(term.word);
            }
            assertThat(joined.toString()).isEqualTo(text);
        }
    }

    @Test
    void keywordsRankTheRecurringTopicWordsFirst() {
        Analysis analysis = analyzer.analyze(TITLE, TEXT);
        assertThat(analysis.keywords()).hasSizeLessThanOrEqualTo(TextAnalyzer.DEFAULT_KEYWORD_COUNT);
        assertThat(analysis.keywords().subList(0, 5)).containsAnyOf("收费", "课后服务", "收费标准", "家长");
        assertThat(analysis.keywords()).allSatisfy(k -> assertThat(k.length()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void sameInputGivesSameAnalysisAlsoFromSeveralThreads() throws Exception {
        Analysis expected = analyzer.analyze(TITLE, TEXT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Analysis>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> analyzer.analyze(TITLE, TEXT)));
            }
            for (Future<Analysis> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void symbolsThatHanlpDoesNotTagAsPunctuationAreNoTokensEither() {
        Analysis analysis = analyzer.analyze(null, "#江城课后服务涨价# 这也叫减负？[怒] ~~ @江城发布");
        assertThat(analysis.tokens()).doesNotContain("#", "[", "]", "~~", "@", "？").contains("减负", "怒");
    }

    @Test
    void sentimentIsReadFromTheSameTextAndAgreesWithTheAnalyzerAlone() {
        Analysis analysis = analyzer.analyze(null, "这也叫减负？收费一年涨两次[怒]");
        assertThat(analysis.sentiment().label()).isEqualTo(org.yqsentinel.model.Sentiment.Label.NEGATIVE);
        org.yqsentinel.enrich.sentiment.SentimentAnalyzer.Reading alone =
                org.yqsentinel.enrich.sentiment.SentimentAnalyzer.bundled().read("这也叫减负？收费一年涨两次[怒]");
        assertThat(analysis.sentiment()).isEqualTo(alone.sentiment());
        assertThat(analysis.emotion()).isEqualTo(alone.emotion());
        assertThat(analysis.emotion().label()).isEqualTo(org.yqsentinel.model.Emotion.Label.ANGRY);
    }

    @Test
    void everyWordOfTheProjectDictionariesComesOutWhole() {
        Dictionaries dictionaries = Dictionaries.load(RuleFiles.bundled());
        List<String> broken = new ArrayList<>();
        for (Dictionaries.Word word : dictionaries.words()) {
            for (String sentence : List.of("昨天" + word.text() + "的消息引起关注", "网友称" + word.text() + "问题突出")) {
                if (!analyzer.analyze(null, sentence).tokens().contains(word.text())) {
                    broken.add(word.text() + " in " + sentence + " → " + analyzer.analyze(null, sentence).tokens());
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void dictionaryWordsKeepGovernmentBodiesAndPolicyTermsWhole() {
        assertThat(analyzer.analyze(null, "省教育厅和卫健委推进放管服改革，一网通办让政务公开更进一步").tokens())
                .contains("省教育厅", "卫健委", "放管服改革", "一网通办", "政务公开");
    }

    @Test
    void enrichingAnItemAddsTopicsWithDepartmentsAndResolvesItsRegionFromTheText() {
        Item item = new Item("news:1", Channel.NEWS, "1", "某新闻网", null, "顺德一小学课后服务收费上涨", null,
                "佛山市顺德区多所小学上调课后服务收费，家长反映负担加重。", null, Instant.parse("2026-11-20T02:00:00Z"),
                null, null, null, null, false, null);
        EnrichedItem enriched = analyzer.enrich(item);
        assertThat(enriched.analysis().topics()).extracting(TopicHit::name).contains("教育");
        assertThat(enriched.analysis().topics().get(0).department()).isEqualTo("教育局");
        assertThat(enriched.item().region().province()).isEqualTo("广东");
        assertThat(enriched.item().region().city()).isEqualTo("佛山");
        assertThat(enriched.item().region().location()).isNotNull();
    }

    @Test
    void textWithoutTitleIsAnalyzed() {
        Analysis analysis = analyzer.analyze(null, "今天天气很好");
        assertThat(analysis.tokens()).contains("天气");
    }
}
