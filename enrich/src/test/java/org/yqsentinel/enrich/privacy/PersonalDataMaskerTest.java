package org.yqsentinel.enrich.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataMaskerTest {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private static final String ID_GUANGZHOU = idCard("44010619900307123");
    private static final String ID_BEIJING_X = idCardEndingIn('X');
    private static final String CARD_16 = luhnCard("622202123456789");
    private static final String CARD_19 = luhnCard("621700123456789012");

    private static final PersonalDataMasker MASKER = new PersonalDataMasker();

    static Stream<Arguments> personalData() {
        return Stream.of(
                arguments("网友爆料：有事打我电话13812345678，微信同号。",
                        "网友爆料：有事打我电话138****5678，微信同号。", List.of(Kind.PHONE)),
                arguments("求助！联系方式138-1234-5678，或者139 8765 4321都行",
                        "求助！联系方式138-****-5678，或者139 **** 4321都行", List.of(Kind.PHONE, Kind.PHONE)),
                arguments("海外家属请拨+86 13812345678或8615912345678",
                        "海外家属请拨+86 138****5678或86159****5678", List.of(Kind.PHONE, Kind.PHONE)),
                arguments("街道办电话020-12345678，传真(020)87654321",
                        "街道办电话020-******78，传真(020)******21", List.of(Kind.PHONE, Kind.PHONE)),
                arguments("深圳店0755-1234567，北京店（010）66668888转801",
                        "深圳店0755-*****67，北京店（010）******88转801", List.of(Kind.PHONE, Kind.PHONE)),
                arguments("寻人启事：身份证号" + ID_GUANGZHOU + "，请知情者联系。",
                        "寻人启事：身份证号440*************" + ID_GUANGZHOU.substring(16) + "，请知情者联系。",
                        List.of(Kind.ID_CARD)),
                arguments("证件号码" + ID_BEIJING_X.toLowerCase() + "已挂失",
                        "证件号码" + ID_BEIJING_X.substring(0, 3) + "*".repeat(13)
                                + ID_BEIJING_X.substring(16).toLowerCase() + "已挂失", List.of(Kind.ID_CARD)),
                arguments("老身份证440106900307123还能用吗？", "老身份证440**********23还能用吗？", List.of(Kind.ID_CARD)),
                arguments("工资卡" + CARD_16 + "被冻结了", "工资卡****" + CARD_16.substring(12) + "被冻结了",
                        List.of(Kind.BANK_CARD)),
                arguments("退款请打到 " + grouped(CARD_16, ' ') + " 谢谢",
                        "退款请打到 **** **** **** " + CARD_16.substring(12) + " 谢谢", List.of(Kind.BANK_CARD)),
                arguments("转账到" + grouped(CARD_16, '-') + "即可",
                        "转账到****-****-****-" + CARD_16.substring(12) + "即可", List.of(Kind.BANK_CARD)),
                arguments("十九位卡号" + CARD_19, "十九位卡号****" + CARD_19.substring(15), List.of(Kind.BANK_CARD)),
                arguments("材料发送至zhangsan@example.com，抄送Li.Si_88@mail.qq.com.cn",
                        "材料发送至z***@example.com，抄送L***@mail.qq.com.cn", List.of(Kind.EMAIL, Kind.EMAIL)),
                arguments("一辆车牌为粤A12345的小车撞上护栏", "一辆车牌为粤A*****的小车撞上护栏", List.of(Kind.LICENSE_PLATE)),
                arguments("新能源车粤B·D12345和京AD12345违停", "新能源车粤B·******和京A******违停",
                        List.of(Kind.LICENSE_PLATE, Kind.LICENSE_PLATE)),
                arguments("肇事车辆粤A 8X9Y7逃逸，挂车湘A1234挂", "肇事车辆粤A *****逃逸，挂车湘A*****",
                        List.of(Kind.LICENSE_PLATE, Kind.LICENSE_PLATE)),
                arguments("网友张晓明称，孩子被班主任刘建国体罚。", "网友张**称，孩子被班主任刘**体罚。",
                        List.of(Kind.PERSON_NAME, Kind.PERSON_NAME)),
                arguments("受害人孙美玲表示，对方以高额回报为诱饵。", "受害人孙**表示，对方以高额回报为诱饵。",
                        List.of(Kind.PERSON_NAME)),
                arguments("杨光明、王丽和刘洋三人被行政拘留。", "杨**、王*和刘*三人被行政拘留。",
                        List.of(Kind.PERSON_NAME, Kind.PERSON_NAME, Kind.PERSON_NAME)),
                arguments("物业经理司马南拒绝回应。", "物业经理司马*拒绝回应。", List.of(Kind.PERSON_NAME)),
                arguments("联系人：李四电话13812345678", "联系人：李*电话138****5678", List.of(Kind.PERSON_NAME, Kind.PHONE)),
                arguments("姓名：张三，性别：男", "姓名：张*，性别：男", List.of(Kind.PERSON_NAME)),
                arguments("当事人：赵国庆 性别：男", "当事人：赵** 性别：男", List.of(Kind.PERSON_NAME)),
                arguments("涉事教师周建华已被停职调查。", "涉事教师周**已被停职调查。", List.of(Kind.PERSON_NAME)));
    }

    @ParameterizedTest
    @MethodSource("personalData")
    void masksPersonalDataInTheDocumentedStyle(String text, String expected, List<Kind> kinds) {
        Masked masked = MASKER.mask(text);
        assertThat(masked.text()).isEqualTo(expected);
        assertThat(masked.findings()).extracting(Finding::kind).containsExactlyElementsOf(kinds);
    }

    static Stream<String> notPersonalData() {
        return Stream.of(
                "2026-11-20上午，课后服务费由600元调整为900元，今年是2026年。",
                "基础课后服务每生每学期收费13812345678元？这显然是笔误。",
                "订单号13812345678，订单编号" + CARD_16 + "，请尽快发货",
                "订单号ORD13812345678与TX2026111912345678901不是电话",
                "时间戳1732081234567，流水号20261120123456789",
                "号码" + ID_GUANGZHOU.substring(0, 17) + wrongCheckChar(ID_GUANGZHOU) + "校验位不对",
                "旧号440106901332123的出生日期不存在",
                "卡号" + CARD_16.substring(0, 15) + (char) ('0' + (CARD_16.charAt(15) - '0' + 1) % 10) + "校验不通过",
                "江教发〔2026〕18号文件，备案号粤ICP备12345678号",
                "原帖 https://weibo.com/u/" + CARD_16 + "/status 已删除",
                "快递单号440106900307123已签收",
                "请@江城发布 回复一下，网友“小鱼儿”也在问");
    }

    @ParameterizedTest
    @MethodSource("notPersonalData")
    void leavesNumbersThatAreNotPersonalDataAlone(String text) {
        assertUnchanged(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "市长张三表示将严肃处理，张三局长也到现场了解情况。",
            "王五主任和赵六副市长一起召开了新闻发布会，发言人陈静介绍了情况。",
            "市委书记王建军、市长李红梅出席会议。副区长陈建平主持会议。",
            "江城市教育局局长刘振华接受采访时表示，将听取家长意见。",
            "省政协委员林秋菊建议提高补贴标准。人大代表郑春华也提出了相似建议。",
            "张三（江城市教育局副局长）表示，相关费用将公开。",
            "北京大学王小波教授认为此事值得关注。",
            "记者：黄嘉言 通讯员 林晓川",
            "钟南山院士提醒大家做好个人防护。"})
    void leavesOfficialsNamedWithTheirTitleAlone(String text) {
        assertUnchanged(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "家长王某某称孩子受伤，张某已被警方控制。",
            "家住江北区的陈女士告诉记者，市民林先生也有同感。",
            "老李说，现在的孩子太辛苦了，小王也这么认为。",
            "他们一起去了宋庆龄基金会，又参观了鲁迅纪念馆。",
            "李明华律师事务所的工作人员到场。",
            "据江城市公安局通报，犯罪嫌疑人吴某已被刑事拘留。",
            "雷锋精神代代相传。"})
    void leavesAnonymizedFormsAndOrganizationNamesAlone(String text) {
        assertUnchanged(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "消防救援人员将大火扑灭，所幸无人员伤亡。",
            "市文旅局发布消息，春节期间景区游客增长。",
            "江滨大道今晚22时至次日6时封闭施工。",
            "昨晚8时许，江城区一小区发生火灾。",
            "课后服务我认同，但不能全让家长来兜底。",
            "钱到底花在哪了？就是补贴取消了，钱转到家长头上。",
            "房价又涨了，刚需家庭越来越难买房。",
            "现场还有非遗手工艺展示，以及牛腩粉和双皮奶。",
            "江城队在昨晚的比赛中逆转取胜，江城本周后期降温。",
            "程序太复杂了，富裕起来的村民盖起了新楼房。",
            "经市人民政府同意，现将有关事项通知如下。"})
    void leavesWordsThatHanlpMistakesForNamesAlone(String text) {
        assertUnchanged(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "本人身份证号440106199001011234，请尽快处理。|本人身份证号440*************34，请尽快处理。",
            "身份证号码：440106199001011234|身份证号码：440*************34",
            "我的身份证号码是 44010619900101123X 没错|我的身份证号码是 440*************3X 没错",
            "证件号为440106 19900101 1234已挂失|证件号为440*** ******** **34已挂失",
            "身份证440106900399123能用吗|身份证440**********23能用吗"})
    void numberLabelledAsAnIdIsMaskedWhateverItsCheckDigitOrDate(String text, String expected) {
        Masked masked = MASKER.mask(text);
        assertThat(masked.text()).isEqualTo(expected);
        assertThat(masked.findings()).extracting(Finding::kind).containsExactly(Kind.ID_CARD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "号码440106199001011234是谁的？",
            "编号440106199001011234的档案已归档",
            "身份证明材料编号440106199001011234"})
    void unlabelledNumberWithAWrongCheckDigitIsNoIdNumber(String text) {
        assertUnchanged(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "钱全",
            "钱全交了，房子却迟迟不交付。",
            "大家查一查这笔钱全用在哪了",
            "你们去看一看那个工地，再问一问施工方。",
            "试一试这家新开的面馆，想了想还是算了。",
            "我把钱都转过去了，对方说没收到。",
            "马上就要开学了，高温天气持续。",
            "急！我家狗狗走丢了，金毛，脖子上有红色项圈。",
            "李宁专卖店打折，杨国福麻辣烫排队，钱大妈的菜也便宜。",
            "晏子使楚的故事大家都听过吧。",
            "有谁知道孔家巷那边的房子还能不能买？",
            "租客退租时，房东扣了她一千块押金。"})
    void ordinaryWordsAndBrandsThatLookLikeNamesAreLeftAlone(String text) {
        assertUnchanged(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "网友李秀英说，小区垃圾没人清运。|网友李**说，小区垃圾没人清运。",
            "遇难者韩国栋的妻子说|遇难者韩**的妻子说",
            "保安夏天明发现火情后立即报警。|保安夏**发现火情后立即报警。",
            "我叫吴海燕，是被中介骗了押金的租客。|我叫吴**，是被中介骗了押金的租客。",
            "我爸叫常青山，今年七十三岁。|我爸叫常**，今年七十三岁。",
            "外卖员闫亮说平台扣了他两百块。|外卖员闫*说平台扣了他两百块。",
            "成绩出来了，我们班柏雨萱考了全校第一。|成绩出来了，我们班柏**考了全校第一。",
            "停车场管理员尹大勇还威胁业主。|停车场管理员尹**还威胁业主。"})
    void privatePersonsNamedAfterAWordForThemOrFoundByTheTaggerAreMasked(String text, String expected) {
        assertThat(MASKER.mask(text).text()).isEqualTo(expected);
    }

    @Test
    void idCardWinsOverPhoneAndBankCardPatternsInsideIt() {
        String id = luhnValidIdCard();
        assertThat(isLuhn(id)).isTrue();
        Masked masked = MASKER.mask("身份证" + id + "，邮箱13812345678@163.com");
        assertThat(masked.findings()).extracting(Finding::kind).containsExactly(Kind.ID_CARD, Kind.EMAIL);
        assertThat(masked.text()).isEqualTo("身份证" + id.substring(0, 3) + "*".repeat(13) + id.substring(16)
                + "，邮箱1***@163.com");
    }

    @Test
    void findingsPointAtTheOriginalTextInOrderWithoutOverlap() {
        String text = "网友张晓明（电话13812345678，身份证" + ID_GUANGZHOU + "）驾驶粤A12345撞上护栏，邮箱zxm@example.com。";
        Masked masked = MASKER.mask(text);
        assertThat(masked.findings()).extracting(f -> text.substring(f.start(), f.end()))
                .containsExactly("张晓明", "13812345678", ID_GUANGZHOU, "粤A12345", "zxm@example.com");
        for (int i = 1; i < masked.findings().size(); i++) {
            assertThat(masked.findings().get(i).start()).isGreaterThanOrEqualTo(masked.findings().get(i - 1).end());
        }
        assertThat(masked.text()).isEqualTo("网友张**（电话138****5678，身份证440*************" + ID_GUANGZHOU.substring(16)
                + "）驾驶粤A*****撞上护栏，邮箱z***@example.com。");
    }

    @Test
    void nullTextGivesNullWithoutFindings() {
        assertThat(MASKER.mask(null)).isEqualTo(new Masked(null, List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "今天天气很好", "Hello world 2026", "姓名：", "联系人： 王", "户主：:"})
    void textWithoutPersonalDataIsReturnedUnchanged(String text) {
        assertUnchanged(text);
    }

    @Test
    void findingRejectsAnEmptyOrNegativeSpan() {
        assertThatThrownBy(() -> new Finding(Kind.PHONE, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Finding(Kind.PHONE, -1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameTextGivesSameResultAlsoFromSeveralThreads() throws Exception {
        String text = "网友张晓明称，班主任刘建国体罚学生，家长电话13812345678，车牌粤A12345。";
        Masked expected = MASKER.mask(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Masked>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> MASKER.mask(text)));
            }
            for (Future<Masked> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertUnchanged(String text) {
        Masked masked = MASKER.mask(text);
        assertThat(masked.findings()).isEmpty();
        assertThat(masked.text()).isEqualTo(text);
    }

    private static String idCard(String first17) {
        return first17 + checkChar(first17);
    }

    private static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private static char wrongCheckChar(String id) {
        return id.charAt(17) == '0' ? '1' : '0';
    }

    private static String idCardEndingIn(char check) {
        for (int sequence = 0; sequence < 1000; sequence++) {
            String id = idCard("11010520011231" + String.format("%03d", sequence));
            if (id.charAt(17) == check) {
                return id;
            }
        }
        throw new IllegalStateException("no ID ending in " + check);
    }

    private static String luhnValidIdCard() {
        for (int sequence = 0; sequence < 1000; sequence++) {
            String id = idCard("44138119880521" + String.format("%03d", sequence));
            if (id.charAt(17) != 'X' && isLuhn(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no Luhn-valid ID");
    }

    private static String luhnCard(String withoutCheckDigit) {
        for (char d = '0'; d <= '9'; d++) {
            if (isLuhn(withoutCheckDigit + d)) {
                return withoutCheckDigit + d;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean isLuhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? d : d * 2 % 10 + d * 2 / 10;
        }
        return sum % 10 == 0;
    }

    private static String grouped(String card, char separator) {
        return card.substring(0, 4) + separator + card.substring(4, 8) + separator + card.substring(8, 12) + separator
                + card.substring(12);
    }
}
