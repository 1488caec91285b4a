package org.yqsentinel.rules.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yqsentinel.model.TopicHit;
import org.yqsentinel.rules.RuleException;
import org.yqsentinel.rules.RuleFiles;

class TopicClassifierTest {

    private static final TopicClassifier CLASSIFIER = new TopicClassifier(TopicRules.load(RuleFiles.bundled()));

    private static final TopicHit NO_TOPIC = new TopicHit(TopicClassifier.OTHER, 0, null, List.of());

    private static List<String> topics(String text) {
        return CLASSIFIER.classify(text).stream().map(TopicHit::name).toList();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            孩子放学没人接，托管费又涨了，双职工家庭怎么办                 | 教育
            排了三个小时队才挂上号，看个专家比登天还难                       | 医疗
            月薪八千，房租就要四千五，年轻人在这个城市怎么留得住             | 住房保障
            工地上的脚手架突然倒了，两名工人受伤，现场没有安全帽            | 安全生产
            台风过境后街道全是积水，小区地下车库被淹                        | 防灾减灾救灾
            学校食堂的饭菜发霉了，好几个学生拉肚子                          | 食品药品安全
            我妈八十多了一个人住，社区的长者饭堂离得太远                     | 养老服务
            干了半年活，老板一分钱工资都没发，讨薪无门                       | 就业社保
            早高峰地铁挤不上去，公交又绕远，通勤两小时                       | 交通出行
            楼下烧烤店的油烟每天晚上飘进家里，窗户都不敢开                   | 生态环境
            开个小店办证跑了五趟，窗口说材料不齐也不一次说清楚               | 营商环境
            举报了半年没人管，这就是典型的不作为                            | 政府公信力
            """)
    void postsAboutATopicThatNeverNameItAreFound(String text, String topic) {
        assertThat(topics(text)).contains(topic);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            仓库半夜失火，三名值班的保安被困在二楼                           | 安全生产
            地下车库突然着火，浓烟顺着楼梯往上冒                            | 安全生产
            连续强降雨，好几个乡镇都发了山洪                               | 防灾减灾救灾
            吃了路边摊的烤串，半夜上吐下泻                                 | 食品药品安全
            老旧小区加装电梯的补贴到底什么时候发                            | 住房保障
            公司一声不吭就把我辞退了，经济补偿金一分没给                     | 就业社保
            路口两辆车追尾，早高峰一下就堵死了                              | 交通出行
            化工厂的废气熏得人头疼                                        | 生态环境
            营业执照现在手机上就能申请                                     | 营商环境
            副区长因严重违纪违法被免职                                     | 政府公信力
            独居老人在家摔倒，两天后才被邻居发现                             | 养老服务
            做个核磁共振排了一上午的队                                     | 医疗
            车间里发生爆炸，一人受伤                                       | 安全生产
            凌晨楼里燃气泄漏，整栋楼的住户都被疏散了                         | 安全生产
            村口的砖窑天天冒黑烟                                          | 生态环境
            原副县长被开除党籍和公职                                       | 政府公信力
            """)
    void theWordsOfEachDomainsEventsFindItsPosts(String text, String topic) {
        assertThat(topics(text)).contains(topic);
    }

    @ParameterizedTest(name = "{1} but not {2}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            山上发生森林火灾，扑火队员连夜上山                             | 防灾减灾救灾 | 安全生产
            地震造成多处房屋倒塌                                         | 防灾减灾救灾 | 安全生产
            退休职工的养老金今年又涨了                                    | 就业社保     | 养老服务
            流感季节，老年人和儿童要尽早接种疫苗                           | 医疗         | 养老服务
            租的房子卫生间漏水，墙面发霉，房东不管                          | 住房保障     | 食品药品安全
            幼儿园课后托管乱收费，家长们很有意见                           | 教育         | 营商环境
            高速上发生交通事故，造成三人伤亡                               | 交通出行     | 安全生产
            """)
    void aWordSharedWithAnotherDomainCountsOnlyForTheOneItMeansHere(String text, String topic, String notTopic) {
        assertThat(topics(text)).contains(topic).doesNotContain(notTopic);
    }

    @ParameterizedTest(name = "not {1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            炒股三年，交了学费才明白什么叫风险                             | 教育
            我们部门的工作人员态度很好，一次就办完了                        | 就业社保
            酒店房间很干净，前台服务也热情                                 | 住房保障
            开会时大家头脑风暴，想了很多点子                                | 防灾减灾救灾
            他是个老司机带着新人跑业务                                     | 交通出行
            网上信息污染太严重，谣言满天飞                                  | 生态环境
            这家店的养老保险代缴服务挺方便                                  | 养老服务
            这部电影的特效简直爆炸，值回票价                                | 安全生产
            信息爆炸的年代，谁还有耐心看长文章                              | 安全生产
            连加了三天班，感觉脑子要爆炸了                                  | 安全生产
            他家后院着火了，老婆天天跟他闹离婚                              | 安全生产
            用户信息泄漏，客服一问三不知                                    | 安全生产
            这部剧烂尾了，白追了四十集                                      | 住房保障
            娱乐圈地震，两家顶流工作室同时发声明                            | 防灾减灾救灾
            公司人事大地震，总监一口气走了三个                              | 防灾减灾救灾
            这个小品是春晚的一股泥石流，笑到停不下来                         | 防灾减灾救灾
            粉丝的留言像洪水一样涌进评论区                                  | 防灾减灾救灾
            新人第一次登台，舞台风格还有点拘谨                              | 防灾减灾救灾
            他把网络游戏看成洪水猛兽                                        | 防灾减灾救灾
            卫生间的下水道又堵了，一股臭味                                  | 食品药品安全
            超市的卫生巾又在搞促销                                         | 食品药品安全
            周末去吃了海鲜自助餐，撑得走不动                                | 养老服务
            朋友圈被微商的广告污染了                                        | 生态环境
            开网店一年交了不少学费，总算回本了                              | 教育
            这家店的烤肉好吃到爆炸，工厂店就是实惠                          | 安全生产
            排位连输五把，心态爆炸                                         | 安全生产
            海边的度假酒店，早餐的牛奶和面包都不错                          | 食品药品安全
            他在台上的台风很稳，完全不像新人                                | 防灾减灾救灾
            小区楼道里停满了电动车                                         | 交通出行
            """)
    void aWordOfTheTopicInAnotherSenseDoesNotMakeThePostAboutIt(String text, String topic) {
        assertThat(topics(text)).doesNotContain(topic);
    }

    @Test
    void everyAssignmentNamesItsWordsAndDepartmentAndEducationAndHealthAreSeparate() {
        List<TopicHit> hits = CLASSIFIER.classify("课后服务收费上涨，孩子生病去医院挂号也要排很久");
        assertThat(hits).extracting(TopicHit::name).contains("教育", "医疗");
        TopicHit education = hits.stream().filter(h -> h.name().equals("教育")).findFirst().orElseThrow();
        assertThat(education.department()).isEqualTo("教育局");
        assertThat(education.evidence()).contains("课后服务", "孩子");
        assertThat(education.score()).isEqualTo(3.0);
    }

    @Test
    void textAboutNothingListedIsOther() {
        assertThat(CLASSIFIER.classify("今天的晚霞真好看")).containsExactly(NO_TOPIC);
    }

    @Test
    void aWordCountsWhereItStartsOutsideItsTopicsNotWhenPhrasesEvenIfItAlsoOccursInsideOne() {
        assertThat(CLASSIFIER.classify("交了学费才懂，孩子又不听话")).containsExactly(NO_TOPIC);
        assertThat(CLASSIFIER.classify("交了学费才懂，孩子的学费又涨了"))
                .containsExactly(new TopicHit("教育", 3, "教育局", List.of("学费", "孩子")));
        // 司机 starts inside 老司机带, a not-when phrase of 交通出行; 老司机 alone is one of 教育 only
        assertThat(CLASSIFIER.classify("老司机带着新人开车")).containsExactly(NO_TOPIC);
        assertThat(CLASSIFIER.classify("老司机开车很稳"))
                .containsExactly(new TopicHit("交通出行", 2, "交通运输局", List.of("司机", "开车")));
        // 医生 starts where 医生说 does
        assertThat(CLASSIFIER.classify("医生说要住院"))
                .containsExactly(new TopicHit("医疗", 2, "卫健委", List.of("住院")));
    }

    @Test
    void onlyTheStartOfAnOccurrenceDecidesWhetherAPhraseCoversIt() {
        TopicClassifier classifier = new TopicClassifier(new TopicRules(2, List.of(
                new TopicRules.Topic("A", "a", List.of("学费", "费用"), List.of(), List.of("交学费")),
                new TopicRules.Topic("B", "b", List.of("交学"), List.of(), List.of("学费")))));

        // 学费 and 费用 start inside A's 交学费; 交学 starts before B's 学费 and runs into it
        assertThat(classifier.classify("交学费用")).containsExactly(new TopicHit("B", 2, "b", List.of("交学")));
        assertThat(classifier.classify("交学费用，费用学费")).containsExactly(
                new TopicHit("A", 4, "a", List.of("学费", "费用")), new TopicHit("B", 2, "b", List.of("交学")));
    }

    @TempDir
    Path folder;

    @Test
    void brokenRulesAreRefusedWithFileLineAndWhatToFix() throws Exception {
        Path file = folder.resolve("topics.yaml");
        Files.writeString(file, "minimum-score: 2\ntopics:\n  - name: 教育\n    department: 教育局\n    strong: [学费]\n    weekly: [学校]\n");
        assertThatThrownBy(() -> TopicRules.load(new RuleFiles(folder))).isInstanceOf(RuleException.class)
                .hasMessageStartingWith(file + ":6: unknown field 'weekly'");
        Files.writeString(file, "minimum-score: 2\ntopics:\n  - name: 教育\n    department: 教育局\n    strong: 学费\n");
        assertThatThrownBy(() -> TopicRules.load(new RuleFiles(folder)))
                .hasMessageStartingWith(file + ":5: strong must be a list of words");
        Files.writeString(file, "minimum-score: 2\ntopics:\n  - name: 教育\n    department: 教育局\n    strong: [学费]\n"
                + "  - name: 教育\n    department: 教育局\n    strong: [学位]\n");
        assertThatThrownBy(() -> TopicRules.load(new RuleFiles(folder)))
                .hasMessageStartingWith(file + ":6: topic '教育' is defined twice");
    }
}
