package org.yqsentinel.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.CaseEvent;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.CaseResponse;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Factor;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.PolicyLink;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.ResponseEffect;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.Zones;

/**
 * A realistic case for the documents' tests: 江城's 课后服务 fee going from 600 to 900 yuan a term (江教发〔2026〕7号),
 * 32 linked posts on Weibo, news sites and WeChat over two days, reprint and repost chains (one going back to a post
 * outside the case), government, media and private accounts, one post with a parent's phone, ID number and a
 * teacher's name, one post with markup in it, a risk series of 20 windows and the alerts Ⅳ → Ⅲ → Ⅱ, with their
 * notifications and one acknowledgement.
 */
public final class SampleCase {

    public static final String DOCUMENT_NUMBER = "江教发〔2026〕7号";
    public static final String POLICY_ID = DOCUMENT_NUMBER;
    public static final String TITLE = "江城市教育局关于调整义务教育阶段学校课后服务收费标准的通知";
    public static final String ISSUING_OFFICE = "江城市教育局";
    public static final String DEPARTMENT = "江城市教育局";

    /** The private data in {@link #PRIVATE_DATA_POST}'s text that no document may show. */
    public static final String PRIVATE_PHONE = "13812345678";
    public static final String PRIVATE_ID_NUMBER = "440106199001011234";
    public static final String PRIVATE_NAME = "周建华";
    public static final String PRIVATE_DATA_POST = "weibo:4873000010";
    /** A post whose text holds a script element. */
    public static final String MARKUP_POST = "weibo:4873000005";
    public static final String MARKUP = "<script>alert('退费')</script>";
    /** The first post: the city's government account announces the new fee. */
    public static final String FIRST_POST = "weibo:4873000001";
    /** Reposted, and a repost of it reposted again: a chain of three. */
    public static final String BIG_V_POST = "weibo:4873000006";
    /** The original report, reprinted by two portals and a WeChat account. */
    public static final String REPRINTED_REPORT = "news:jcdaily-20260303-01";
    /** The post two reposts of the case point to, which is not itself in the case. */
    public static final String OUTSIDE_ROOT = "weibo:4790000001";

    /** A private account's name, masked in every document. */
    public static final String PRIVATE_ACCOUNT = "江北宝妈日记";

    public static final Instant FROM = beijing(3, 8, 0);
    public static final Instant TO = beijing(5, 8, 0);

    static final Author JIANGCHENG_FABU = new Author("江城发布", 1_860_000L, true, "government");
    static final Author JIANGCHENG_JIAOYU = new Author("江城教育", 412_000L, true, "government");
    static final Author JIANGCHENG_DAILY = new Author("江城日报", null, true, "media");
    static final Author JIANGCHENG_EVENING = new Author("江城晚报", null, true, "media");
    static final Author EDUCATION_BLOGGER = new Author("教育博主林老师", 760_000L, true, "personal");
    static final Author MUM = new Author(PRIVATE_ACCOUNT, 3_200L, false, "personal");
    static final Author OLD_LI = new Author("江城老李", 18_000L, false, "personal");
    static final Author CAT = new Author("爱吃橘子的猫", 560L, false, "personal");
    static final Author COMMUTER = new Author("早起的打工人", 1_150L, false, null);
    static final Author BAY_WATCH = new Author("湾区观察", 95_000L, true, null);
    static final Author PARENTS_UNION = new Author("南粤家长联盟", 42_000L, false, "organization");
    static final Author THIRD_GRADE_PARENT = new Author("三年级家长小雨", 240L, false, "personal");
    static final Author LITTLE_FISH = new Author("江城小鱼儿", 8_800L, false, "personal");
    static final Author PARENTS_CIRCLE = new Author("江城家长圈", 12_000L, false, null);
    static final Author LIFE_GUIDE = new Author("江城生活指南", 20_000L, true, "enterprise");
    static final Author DAILY_WECHAT = new Author("江城日报", 25_000L, true, "media");

    static final Region JIANGCHENG = new Region("广东", "江城", null);
    static final Region GUANGZHOU = new Region("广东", "广州", null);
    static final Region SHENZHEN = new Region("广东", "深圳", null);
    static final Region HANGZHOU = new Region("浙江", "杭州", null);

    /** The news portals that reprint without a byline. */
    private static final Map<String, String> PORTALS = Map.of(
            "news:sina-gd-20260303-118", "新浪广东",
            "news:sohu-20260303-552", "搜狐广东",
            "news:people-gd-20260304-21", "人民网广东频道");

    private static final Sentiment.Label NEG = Sentiment.Label.NEGATIVE;
    private static final Sentiment.Label NEU = Sentiment.Label.NEUTRAL;
    private static final Sentiment.Label POS = Sentiment.Label.POSITIVE;

    private SampleCase() {}

    /** The case file, with the case record as the alerting service left it. */
    public static CaseFile file() {
        List<Alert> alerts = alerts();
        return new CaseFile(caseRecord(alerts), policy(), POLICY_ID, FROM, TO, alerts, series(), posts(), deliveries(alerts));
    }

    public static PolicyDocument policy() {
        return new PolicyDocument(POLICY_ID, DOCUMENT_NUMBER, DocumentNumber.parse(DOCUMENT_NUMBER).orElseThrow(), "11440300MB2C12345X/2026-00107",
                TITLE, ISSUING_OFFICE, LocalDate.of(2026, 2, 26), LocalDate.of(2026, 3, 2), "教育", List.of("教育", "收费", "通知"),
                "各区教育局、各义务教育阶段学校：经市人民政府同意，现将课后服务收费标准调整事项通知如下……",
                "https://www.jiangcheng.gov.example/jyj/zwgk/2026/0302/7.html");
    }

    /** 32 posts, by publish time. */
    public static List<EnrichedItem> posts() {
        List<EnrichedItem> posts = new ArrayList<>();
        posts.add(post(FIRST_POST, JIANGCHENG_FABU, 3, 9, 5, null,
                "【课后服务收费标准调整】经市政府同意，自本学期起，全市义务教育阶段学校课后服务费由每生每学期600元调整为900元，"
                        + "低保、特困家庭学生免收。详见江教发〔2026〕7号。",
                NEU, Emotion.Label.NEUTRAL, JIANGCHENG, 320, 210, 880, null, null, "课后服务", "收费标准", "调整"));
        posts.add(post(REPRINTED_REPORT, JIANGCHENG_DAILY, 3, 9, 40, "我市调整义务教育阶段课后服务收费标准",
                "记者从市教育局获悉，全市义务教育阶段学校课后服务收费标准调整为每生每学期900元，家庭经济困难学生免收。",
                NEU, Emotion.Label.NEUTRAL, JIANGCHENG, 12, 30, 95, null, null, "课后服务", "收费标准", "教育局"));
        posts.add(post("weibo:4873000002", OLD_LI, 3, 10, 15, null, "一下涨了300，工资涨了吗？//@江城发布：【课后服务收费标准调整】",
                NEG, Emotion.Label.ANGRY, JIANGCHENG, 56, 40, 210, FIRST_POST, null, "涨价", "课后服务"));
        posts.add(post("weibo:4873000003", MUM, 3, 10, 48, null, "两个娃一学期就多出600块，压力好大。课后服务本来是为了减负，怎么变成加负了",
                NEG, Emotion.Label.SAD, JIANGCHENG, 88, 132, 640, null, null, "课后服务", "负担", "涨价"));
        posts.add(post("news:sina-gd-20260303-118", null, 3, 11, 20, "我市调整义务教育阶段课后服务收费标准",
                "记者从市教育局获悉，全市义务教育阶段学校课后服务收费标准调整为每生每学期900元，家庭经济困难学生免收。",
                NEU, Emotion.Label.NEUTRAL, GUANGZHOU, 3, 8, 20, null, REPRINTED_REPORT, "课后服务", "收费标准"));
        posts.add(post("wechat:jcjiazhang-20260303", PARENTS_CIRCLE, 3, 12, 30, "课后服务费涨到900，家长们怎么看？",
                "今天的家长群炸了。课后服务费从600涨到900，不少家长说事先没有征求意见，也没看到成本说明。",
                NEG, Emotion.Label.ANGRY, JIANGCHENG, 40, 260, 410, null, null, "课后服务", "涨价", "家长"));
        posts.add(post("weibo:4873000004", CAT, 3, 13, 5, null, "900？没看错吧//@江城发布：【课后服务收费标准调整】",
                NEU, Emotion.Label.SURPRISE, SHENZHEN, 2, 5, 18, FIRST_POST, null, "收费标准"));
        posts.add(post(MARKUP_POST, COMMUTER, 3, 13, 40, null,
                "有人在群里发" + MARKUP + "说点了就能退费，别信！课后服务费涨了也不能乱点链接 & 乱转账",
                NEG, Emotion.Label.ANGRY, null, 9, 14, 33, null, null, "课后服务", "退费"));
        posts.add(post("weibo:4873000023", OLD_LI, 3, 13, 58, null, "别乱点！//@早起的打工人：有人在群里发" + MARKUP + "说点了就能退费，别信！",
                NEU, Emotion.Label.NEUTRAL, JIANGCHENG, 6, 2, 14, MARKUP_POST, null, "退费"));
        posts.add(post("news:sohu-20260303-552", null, 3, 14, 10, "我市调整义务教育阶段课后服务收费标准",
                "记者从市教育局获悉，全市义务教育阶段学校课后服务收费标准调整为每生每学期900元，家庭经济困难学生免收。",
                NEU, Emotion.Label.NEUTRAL, GUANGZHOU, 1, 4, 9, null, REPRINTED_REPORT, "课后服务", "收费标准"));
        posts.add(post(BIG_V_POST, EDUCATION_BLOGGER, 3, 15, 20, null,
                "义务教育阶段的课后服务，本应是政府兜底的公共服务。一次涨价50%，听证了吗？成本核算公开了吗？#江城课后服务涨价#",
                NEG, Emotion.Label.ANGRY, HANGZHOU, 1_800, 950, 5_200, null, null, "课后服务", "听证", "成本公开", "涨价"));
        posts.add(post("weibo:4873000007", OLD_LI, 3, 15, 55, null, "说得对，要求公开成本核算！//@教育博主林老师：一次涨价50%，听证了吗？",
                NEG, Emotion.Label.ANGRY, JIANGCHENG, 130, 44, 360, BIG_V_POST, null, "成本公开"));
        posts.add(post("weibo:4873000008", MUM, 3, 16, 30, null, "转发，求公开。//@江城老李：说得对，要求公开成本核算！",
                NEG, Emotion.Label.ANGRY, JIANGCHENG, 20, 6, 75, "weibo:4873000007", null, "成本公开"));
        posts.add(post("weibo:4873000009", BAY_WATCH, 3, 17, 10, null,
                "横向比较：广州、深圳的课后服务费大致在每学期800至1200元之间，江城调整后处于中等水平，关键在于服务内容是否同步提升。",
                NEU, Emotion.Label.NEUTRAL, SHENZHEN, 210, 180, 1_100, null, null, "课后服务", "收费标准", "比较"));
        posts.add(post("wechat:jcshenghuo-20260303", LIFE_GUIDE, 3, 18, 45, "我市调整义务教育阶段课后服务收费标准",
                "记者从市教育局获悉，全市义务教育阶段学校课后服务收费标准调整为每生每学期900元，家庭经济困难学生免收。",
                NEU, Emotion.Label.NEUTRAL, JIANGCHENG, 15, 22, 130, null, REPRINTED_REPORT, "课后服务", "收费标准"));
        posts.add(post(PRIVATE_DATA_POST, THIRD_GRADE_PARENT, 3, 19, 30, null,
                "我是江北实验小学三年级家长，孩子班主任" + PRIVATE_NAME + "说不交900就不能参加课后服务，有问题打我电话" + PRIVATE_PHONE
                        + "，身份证号" + PRIVATE_ID_NUMBER + "，我实名反映！",
                NEG, Emotion.Label.ANGRY, JIANGCHENG, 620, 880, 2_400, null, null, "课后服务", "强制", "实名反映"));
        posts.add(post("weibo:4873000011", CAT, 3, 20, 5, null, "不交就不让参加？这是强制收费吧//@三年级家长小雨：我实名反映！",
                NEG, Emotion.Label.FEAR, SHENZHEN, 35, 12, 90, PRIVATE_DATA_POST, null, "强制"));
        posts.add(post("weibo:4873000012", PARENTS_UNION, 3, 21, 30, null, "征集：各校课后服务是否存在强制参加、捆绑收费的情况，欢迎留言。",
                NEG, Emotion.Label.ANGRY, GUANGZHOU, 300, 1_150, 900, null, null, "强制", "捆绑收费", "课后服务"));
        posts.add(post("weibo:4873000013", COMMUTER, 3, 22, 40, null, "这个老帖又被翻出来了，去年就说要涨//@江城论坛：课后服务明年要涨价？",
                NEG, Emotion.Label.ANGRY, null, 11, 3, 25, OUTSIDE_ROOT, null, "涨价"));
        posts.add(post("weibo:4873000014", MUM, 4, 0, 20, null, "原来早有预告……//@江城论坛：课后服务明年要涨价？",
                NEG, Emotion.Label.SAD, JIANGCHENG, 4, 2, 19, OUTSIDE_ROOT, null, "涨价"));
        posts.add(post("news:jcwb-20260304-03", JIANGCHENG_EVENING, 4, 8, 30, "课后服务费为何上调？记者采访市教育局",
                "市教育局相关负责人表示，此次调整综合考虑了教师劳务补贴、场地与课程成本，学校须坚持自愿参加原则。",
                NEU, Emotion.Label.NEUTRAL, JIANGCHENG, 25, 60, 180, null, null, "课后服务", "教师补贴", "教育局"));
        posts.add(post("weibo:4873000015", JIANGCHENG_JIAOYU, 4, 9, 40, null,
                "【答网友问】课后服务遵循学生自愿参加原则，任何学校不得强制或变相强制参加；低保、特困家庭学生免收费用。",
                POS, Emotion.Label.NEUTRAL, JIANGCHENG, 410, 520, 1_600, null, null, "自愿原则", "课后服务", "免收"));
        posts.add(post("weibo:4873000016", OLD_LI, 4, 10, 10, null, "自愿就好，但价格还是希望公开依据//@江城教育：【答网友问】",
                NEU, Emotion.Label.NEUTRAL, JIANGCHENG, 18, 9, 66, "weibo:4873000015", null, "自愿原则", "成本公开"));
        posts.add(post("weibo:4873000017", LITTLE_FISH, 4, 10, 50, null,
                "说实话，我们学校课后服务有托管还有社团，900块一学期折下来一天不到10元，我能接受。",
                POS, Emotion.Label.HAPPY, JIANGCHENG, 70, 150, 800, null, null, "课后服务", "社团", "托管"));
        posts.add(post("news:people-gd-20260304-21", null, 4, 11, 30, "江城课后服务收费调整引热议",
                "江城市近日将义务教育阶段课后服务费由每学期600元调整为900元，引发家长热议。当地教育部门表示将坚持自愿原则。",
                NEU, Emotion.Label.NEUTRAL, GUANGZHOU, 40, 85, 260, null, null, "课后服务", "热议", "收费标准"));
        posts.add(post("wechat:jcdaily-20260304", DAILY_WECHAT, 4, 12, 40, "课后服务费为何上调？记者采访市教育局",
                "市教育局相关负责人表示，此次调整综合考虑了教师劳务补贴、场地与课程成本，学校须坚持自愿参加原则。",
                NEU, Emotion.Label.NEUTRAL, JIANGCHENG, 30, 45, 220, null, "news:jcwb-20260304-03", "课后服务", "教师补贴"));
        posts.add(post("weibo:4873000018", EDUCATION_BLOGGER, 4, 13, 20, null,
                "教育局回应了“自愿”，但没回应“为何涨50%”。期待听证和成本公开。",
                NEG, Emotion.Label.ANGRY, HANGZHOU, 1_200, 640, 3_900, null, null, "听证", "成本公开", "涨价"));
        posts.add(post("weibo:4873000019", CAT, 4, 15, 0, null, "学校说困难家庭免收，已经申请了，点赞",
                POS, Emotion.Label.HAPPY, SHENZHEN, 3, 7, 52, null, null, "免收", "困难家庭"));
        posts.add(post("weibo:4873000020", COMMUTER, 4, 16, 45, null, "每个月房贷加上这些，真的喘不过气",
                NEG, Emotion.Label.SAD, null, 5, 16, 48, null, null, "负担"));
        posts.add(post("news:jcdaily-20260304-02", JIANGCHENG_DAILY, 4, 18, 20, "市教育局：将公开课后服务成本核算并听取家长意见",
                "市教育局表示，将在市政府网站公开课后服务成本核算情况，并于近期召开听证会听取家长意见。",
                POS, Emotion.Label.NEUTRAL, JIANGCHENG, 60, 140, 520, null, null, "成本公开", "听证", "教育局"));
        posts.add(post("weibo:4873000021", LITTLE_FISH, 4, 20, 30, null, "愿意听意见就是好事//@江城发布：【课后服务收费标准调整】",
                POS, Emotion.Label.HAPPY, JIANGCHENG, 6, 4, 37, FIRST_POST, null, "听取意见"));
        posts.add(post("weibo:4873000022", JIANGCHENG_FABU, 4, 20, 50, null,
                "【权威发布】市教育局将于3月10日召开义务教育阶段课后服务收费标准听证会，欢迎家长代表报名参加。",
                NEU, Emotion.Label.NEUTRAL, JIANGCHENG, 280, 390, 1_500, null, null, "听证会", "课后服务"));
        return posts;
    }

    /** Every two hours from 10:00 on the 3rd to midnight on the 4th: up to Ⅳ at 14:00, Ⅲ at 20:00 and Ⅱ at 10:00 the next day. */
    public static List<RiskPoint> series() {
        double[] scores = {12, 19, 31, 38, 45, 52, 57, 49, 46, 45, 48, 59, 67, 74.5, 71, 66, 62, 60, 59, 58.5};
        List<RiskPoint> series = new ArrayList<>();
        Instant end = beijing(3, 10, 0);
        Tier tier = null;
        for (double score : scores) {
            tier = tierAfter(tier, score);
            series.add(new RiskPoint(RiskPoint.idOf(POLICY_ID, end), POLICY_ID, TITLE, end.minus(Duration.ofHours(1)), end, score, tier,
                    Math.round(score / 3), factors(score)));
            end = end.plus(Duration.ofHours(2));
        }
        return series;
    }

    /** The window whose score is the series' highest. */
    public static Instant peakWindowEnd() {
        return beijing(4, 12, 0);
    }

    public static List<Alert> alerts() {
        String opened = Alert.idOf(POLICY_ID, AlertEventType.OPENED, Tier.IV_BLUE, beijing(3, 14, 0));
        String caseId = CaseRecord.idOf(opened);
        List<RiskPoint> series = series();
        return List.of(
                alert(AlertEventType.OPENED, Tier.IV_BLUE, null, series.get(2), caseId, Duration.ofHours(48)),
                alert(AlertEventType.ESCALATED, Tier.III_YELLOW, Tier.IV_BLUE, series.get(5), caseId, Duration.ofHours(48)),
                alert(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW, series.get(12), caseId, Duration.ofHours(24)));
    }

    /** The notifications of the three alert events, and the desk's acknowledgement of the escalation to Ⅲ. */
    public static List<CaseDelivery> deliveries(List<Alert> alerts) {
        Alert blue = alerts.get(0);
        Alert yellow = alerts.get(1);
        Alert orange = alerts.get(2);
        return List.of(
                delivery(blue, 2, "教育局舆情专班", "email", "SENT"),
                delivery(blue, 2, "市委网信办舆情组", "dingtalk", "SENT"),
                delivery(yellow, 1, "教育局舆情专班", "email", "SENT"),
                delivery(yellow, 1, "教育局值班室", "sms", "SENT"),
                delivery(yellow, 1, "市委网信办舆情组", "dingtalk", "SENT"),
                new CaseDelivery(yellow.windowEnd().plus(Duration.ofMinutes(47)), CaseDelivery.ACKNOWLEDGEMENT, null, null, null,
                        "市教育局办公室值班员", yellow.id(), "已收到，正在核实学校是否强制参加"),
                delivery(orange, 1, "教育局舆情专班", "email", "SENT"),
                delivery(orange, 1, "教育局值班室", "sms", "SENT"),
                delivery(orange, 2, "教育局分管领导", "sms", "SENT"),
                delivery(orange, 3, "市委网信办舆情组", "dingtalk", "FAILED"));
    }

    static CaseRecord caseRecord(List<Alert> alerts) {
        Alert opened = alerts.get(0);
        Alert last = alerts.get(alerts.size() - 1);
        List<CaseEvent> timeline = alerts.stream()
                .map(a -> new CaseEvent(a.windowEnd(), "alert", a.id(), a.tier(), CaseStatus.ASSESSING, a.type().name()))
                .toList();
        Instant respondedAt = last.windowEnd().plus(Duration.ofHours(2));
        ResponseEffect effect = new ResponseEffect(
                new ResponseEffect.Period(respondedAt.minus(Duration.ofHours(6)), respondedAt, 120, 54, 0.45, Map.of("ANGRY", 60L)),
                new ResponseEffect.Period(respondedAt, respondedAt.plus(Duration.ofHours(6)), 30, 6, 0.2, Map.of("NEUTRAL", 20L)));
        CaseResponse response = new CaseResponse(respondedAt, "市教育局新闻办", "官方微博", "https://weibo.com/jcjyj/5012", "关于课后服务收费的说明",
                respondedAt.plus(Duration.ofMinutes(20)), effect);
        return new CaseRecord(opened.caseId(), POLICY_ID, TITLE, CaseStatus.EVALUATING, Tier.II_ORANGE, Tier.II_ORANGE, DEPARTMENT,
                opened.windowEnd(), last.windowEnd(), last.respondBy(), alerts.get(1).windowEnd().plus(Duration.ofMinutes(47)),
                "市教育局办公室值班员", List.of(), timeline, List.of(), List.of(response), null);
    }

    /** An instant at a Beijing day of March 2026 and time. */
    public static Instant beijing(int dayOfMarch, int hour, int minute) {
        return LocalDateTime.of(2026, 3, dayOfMarch, hour, minute).atZone(Zones.BEIJING).toInstant();
    }

    private static EnrichedItem post(String id, Author author, int day, int hour, int minute, String title, String text,
                                     Sentiment.Label stance, Emotion.Label emotion, Region region, long reposts, long comments,
                                     long likes, String repostOf, String copyOf, String... keywords) {
        Channel channel = Channel.of(id.substring(0, id.indexOf(':')));
        String sourceId = id.substring(id.indexOf(':') + 1);
        String source = author != null ? author.name() : PORTALS.get(id);
        Item item = new Item(id, channel, sourceId, source, author, title, null, text,
                "https://example.org/" + channel.id() + "/" + sourceId, beijing(day, hour, minute),
                new Engagement(reposts, comments, likes, null), region, repostOf, copyOf, false, null);
        double score = switch (stance) {
            case NEGATIVE -> -0.72;
            case NEUTRAL -> 0.02;
            case POSITIVE -> 0.64;
        };
        Analysis analysis = new Analysis(List.of(keywords), List.of(keywords), new Sentiment(score, stance), new Emotion(emotion, 0.81),
                List.of(), List.of(), List.of(new PolicyLink(POLICY_ID, "SUBJECT", "课后服务、收费", 0.86)));
        return new EnrichedItem(item, analysis);
    }

    private static Tier tierAfter(Tier tier, double score) {
        Tier entered = score >= 65 ? Tier.II_ORANGE : score >= 50 ? Tier.III_YELLOW : score >= 30 ? Tier.IV_BLUE : null;
        return entered != null && entered.isMoreSevereThan(tier) ? entered : tier;
    }

    /** The nine factors of a window whose score is {@code score}, explained as the risk scorer explains them. */
    private static List<Factor> factors(double score) {
        double level = score / 100;
        long posts = Math.round(20 + 150 * level);
        double growth = 1 + 4 * level;
        long reach = Math.round(1_400_000 * level);
        int spread = 2 + (int) Math.round(5 * level);
        int influential = (int) Math.round(6 * level);
        double negative = 0.2 + 0.5 * level;
        double alarm = 0.1 + 0.4 * level;
        long sensitive = Math.round(8 * level);
        return List.of(
                factor("volume", posts, posts / 200.0, 30, String.format(Locale.ROOT, "声量：公众发帖 %d 条，满分 200", posts)),
                factor("growth", growth, growth / 5, 25, String.format(Locale.ROOT, "增速：较基线 %.1f 倍（基线每窗口 %.1f 条），满分 5",
                        growth, posts / growth)),
                factor("reach", reach, reach / 1_000_000.0, 20, String.format(Locale.ROOT, "传播范围：覆盖 %d 人次（粉丝与转发），满分 1000000", reach)),
                factor("spread", spread, spread / 8.0, 15, String.format(Locale.ROOT, "扩散面：3 个渠道、%d 个地区，满分 8", spread - 3)),
                factor("influential", influential, influential / 5.0, 10,
                        String.format(Locale.ROOT, "大V与认证账号：%d 个认证或大V账号参与，满分 5", influential)),
                factor("negative-share", negative, (negative - 0.15) / 0.45, 60, String.format(Locale.ROOT,
                        "负面占比：负面 %d 条，占 %.0f%%，15%% 以上计分，满分 60%%", Math.round(posts * negative), negative * 100)),
                factor("alarm", alarm, (alarm - 0.1) / 0.5, 30, String.format(Locale.ROOT,
                        "愤怒与恐慌：愤怒或恐慌 %d 条，占 %.0f%%，10%% 以上计分，满分 60%%", Math.round(posts * alarm), alarm * 100)),
                factor("sensitive", sensitive, sensitive / 10.0, 20, String.format(Locale.ROOT, "敏感话题：敏感词与敏感话题命中 %d 次，满分 10", sensitive)),
                factor("pre-issuance", 0.35, 0.35, 20, "出台前风险：文件出台前风险 0.35"));
    }

    private static Factor factor(String key, double raw, double normalized, double weight, String explanation) {
        double clamped = Math.max(0, Math.min(1, normalized));
        return new Factor(key, Math.round(raw * 10_000) / 10_000.0, Math.round(clamped * 10_000) / 10_000.0, weight, explanation);
    }

    private static Alert alert(AlertEventType type, Tier tier, Tier previous, RiskPoint point, String caseId, Duration respondWithin) {
        String id = Alert.idOf(POLICY_ID, type, tier, point.windowEnd());
        PostRef top = new PostRef(BIG_V_POST, Channel.WEIBO, "教育博主林老师", "https://example.org/weibo/4873000006",
                beijing(3, 15, 20), "义务教育阶段的课后服务，本应是政府兜底的公共服务。一次涨价50%，听证了吗？", 7_950);
        return new Alert(id, type, POLICY_ID, TITLE, caseId, tier, previous, point.score(), point.windowStart(), point.windowEnd(),
                point.factors(), List.of(top), DEPARTMENT, "教育", JIANGCHENG, point.windowEnd().plus(respondWithin));
    }

    private static CaseDelivery delivery(Alert alert, int minutesAfter, String receiver, String channel, String status) {
        String detail = status.equals("FAILED") ? "机器人返回 errcode 310000：签名校验失败" : null;
        return new CaseDelivery(alert.windowEnd().plus(Duration.ofMinutes(minutesAfter)), CaseDelivery.DELIVERY, receiver, channel, status,
                null, alert.id(), detail);
    }
}
