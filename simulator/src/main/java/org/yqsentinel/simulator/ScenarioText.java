package org.yqsentinel.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.PolicyDocument;

/**
 * The demo policy and the demo episode's wording of Weibo posts about it, composed from phrase lists
 * written for this project; plus the post and article composers both simulators write with, which keep
 * texts within each channel's length range. The simulation's phrase lists extend some of these.
 */
final class ScenarioText {

    static final String DOCUMENT_NUMBER = "江教发〔2026〕18号";
    static final String TITLE = "江城市教育局关于调整中小学课后服务收费标准的通知";
    static final String SHORT_TITLE = "《课后服务收费标准》";
    static final String OFFICE = "江城市教育局";

    /** How a text refers to the policy: by 文号, by short or full title, or only by its subject. */
    enum Mention { NUMBER, SHORT, FULL, NONE }

    enum Kind { INFO, EXPLAINER, QUESTION, NEGATIVE, REACTION, RESPONSE, MIXED, POSITIVE, COMMENTARY, NOISE }

    private static final String[] NUMBER_VARIANTS = {
        "江教发〔2026〕18号", "江教发[2026]18号", "江教发(2026)18号", "江教发（2026）18号"};
    private static final String[] TOPIC_ONLY = {
        "新发的课后服务收费通知", "这次课后服务收费调整", "课后服务涨价的新规", "课后服务费调整的消息"};
    private static final String[] TOPIC_ONLY_ARTICLE = {"课后服务收费调整通知", "新的课后服务收费通知", "课后服务收费新规"};

    static final String[] TAGS_NEGATIVE = {"#江城课后服务费上调#", "#课后服务收费#", "#这也叫减负#", "#江城家长#"};
    static final String[] TAGS_INFO = {"#江城教育#", "#课后服务收费#", "#江城家长#"};
    private static final String[] TAGS_POSITIVE = {"#江城教育局回应课后服务收费#", "#课后服务收费暂缓执行#", "#江城教育#"};

    private static final String[] OPEN_NEGATIVE = {
        "刚看到%s，", "家长群炸了，%s一出来，", "下班路上刷到%s，", "把%s认真看了三遍，",
        "%s说12月1日就执行，", "关于%s，说几句心里话："};
    private static final String[] BODY_NEGATIVE = {
        "课后服务从一学期六百涨到九百，涨了一半，工资可没涨一半。",
        "多孩家庭原来的减半优惠说停就停，两个娃一学期直接多交九百。",
        "五点半以后的托管还要每月另交八十，双职工家庭根本没得选。",
        "说是自愿参加，可孩子三点多就放学，谁家能去接？所谓自愿就是必须交。",
        "财政补助改成按实核拨，说白了就是补贴取消了，钱转到家长头上。",
        "定价之前问过家长吗？听证会开了吗？成本核算公开了吗？",
        "老师课后加班该有报酬，这个我认同，但不能全让家长来兜底。",
        "前两年还说课后服务是减负惠民，现在一下涨五成。",
        "家长群里几十号人，没有一个觉得合理的。",
        "一个月托管费加上延时费，快赶上房贷的零头了。",
        "看护质量没见提高，收费倒是先提上去了。"};
    private static final String[] CLOSE_NEGATIVE = {
        "这也叫减负？", "钱到底花在哪了？", "补贴说取消就取消？", "能不能把成本账公开一下？", "有没有人管一管？", "普通工薪家庭怎么办？"};
    private static final String[] EMO_NEGATIVE = {"[怒]", "[允悲]", "[抓狂]", "[汗]", "[衰]", "[摊手]", "[泪]"};

    static final String[] OPEN_INFO = {"转给家长们：%s已经发布，", "%s出来了，划个重点：", "关于%s，整理几个要点："};
    private static final String[] BODY_INFO = {
        "基础课后服务每生每学期900元，延时托管每生每月80元，12月1日起执行。",
        "城乡低保、特困供养家庭的孩子继续免收。",
        "多孩家庭第二个孩子减半的规定停止执行，需要的家长可以按困难家庭程序申请减免。",
        "课后服务还是自愿参加，学校不能强制。",
        "各校收费不能超过新标准。"};
    private static final String[] CLOSE_INFO = {"大家按需选择。", "具体以学校通知为准。", "有疑问可以咨询所在学校。"};
    private static final String[] EMO_INFO = {"[思考]", "[吃瓜]", "[微笑]", ""};

    private static final String[] OPEN_QUESTION = {"看了%s，有几个地方没看懂：", "请教各位家长，%s里说的", "关于%s想问一下，"};
    static final String[] BODY_QUESTION = {
        "一年级下学期是不是就要按新标准交？",
        "多孩家庭现在还能申请减免吗，找学校还是找区教育局？",
        "延时托管是按月报名还是一次交一学期？",
        "已经交了这学期费用的，要补差价吗？",
        "困难家庭认定需要准备哪些材料？"};
    static final String[] CLOSE_QUESTION = {"有知道的家长说一下，谢谢！", "求懂的朋友解答。", "在线等，挺急的。"};
    private static final String[] EMO_QUESTION = {"[费解]", "[思考]", "[可怜]"};

    private static final String[] OPEN_AFTER = {"看了教育局对%s的说明，", "%s的事有回应了：", "关于%s，教育局今天出了说明，"};
    private static final String[] BODY_POSITIVE = {
        "新标准暂缓到明年春季学期执行，还要开家长座谈会，这次是听进去了。",
        "原来900元是上限，学校可以往下调，多孩家庭也还能按困难家庭申请减免。",
        "两天就出说明，回应速度算快的。",
        "延时托管按月自愿报名，不参加不收费，这样安排我能接受。",
        "老师们课后确实辛苦，合理收费没问题，关键是把账算明白、把服务做好。"};
    private static final String[] CLOSE_POSITIVE = {"给个赞。", "希望后续落实到位。", "点赞这次的沟通。"};
    private static final String[] EMO_POSITIVE = {"[赞]", "[good]", "[鼓掌]", "[心]"};
    private static final String[] BODY_MIXED = {
        "暂缓执行是好事，但涨幅为什么是五成，说明里还是没讲清楚。",
        "座谈会希望别走过场，普通家长也要有名额。",
        "多孩家庭要重新走困难认定，手续会不会很麻烦？先观望。",
        "财政补助总额不减少这句话，希望能把明细公开出来。",
        "回应是回应了，可12月交不交、交多少，学校到现在还没通知。"};
    private static final String[] CLOSE_MIXED = {"再看看吧。", "等后续。", "继续关注。"};
    private static final String[] EMO_MIXED = {"[思考]", "[doge]", "[吃瓜]", "[摊手]"};

    private static final String[][] NOISE_POSTS = {
        {"#江城天气#", "明天起冷空气南下，最低气温降到12度左右。", "早晚温差大，出门记得带件外套。",
            "周末以多云为主，适合出门走走。", "今早江边起了大雾，轮渡停了半个多小时。", "[哈哈]"},
        {"#江城美食#", "老城区新开的牛腩粉排了半小时队，汤底确实鲜。", "就是分量小了点，下次要加粉。",
            "夜市的炒田螺还是熟悉的味道。", "糖水铺老板说下个月要搬到新街口。", "[馋嘴]"},
        {"#江城队#", "主场二比一逆转，最后十分钟那脚远射太漂亮了！", "门将今天扑出一个点球，状态神勇。",
            "下一轮客场，希望保持住。", "现场两万多人一起唱队歌，鸡皮疙瘩都起来了。", "[鼓掌]"},
        {"#周末去哪儿#", "湿地公园的芦苇开了，拍照特别出片。", "带娃去江滨公园放风筝，天气好到不想回家。",
            "图书馆新开了亲子阅读区，周末人不少。", "骑行绿道全程二十公里，中途有补给点。", "[太开心]"}};

    private static final String[] REPOST_NEGATIVE = {
        "转发微博", "说出了我的心声", "同问", "太真实了", "顶上去，让更多人看到", "我家也是两个娃，一样的账"};
    static final String[] REPOST_INFO = {"码住", "转给家长群", "先收藏", "了解一下"};
    private static final String[] REPOST_AFTER = {"终于回应了", "暂缓执行，点赞", "希望座谈会能真正听取意见", "看后续落实"};

    private final Random rnd;

    ScenarioText(Random rnd) {
        this.rnd = rnd;
    }

    static PolicyDocument policy() {
        String body = String.join("\n",
                "各区教育局，各直属学校：",
                "为进一步规范我市义务教育阶段学校课后服务管理，保障课后服务可持续开展，合理补偿学校和教师的额外付出，"
                        + "经市人民政府同意，现就调整我市中小学课后服务收费标准有关事项通知如下。",
                "一、收费标准。基础课后服务（放学后至17:30）收费标准由每生每学期600元调整为900元；延时托管服务"
                        + "（17:30至18:30）单独收费，每生每月80元。各学校收费不得超出上述标准。",
                "二、减免政策。城乡低保家庭、特困供养家庭学生及孤儿等继续免收课后服务费用。原对多子女家庭第二个及以上"
                        + "子女减半收取的规定同时停止执行，相关家庭可按困难家庭认定程序申请减免。",
                "三、经费保障。市级财政课后服务补助由按在校学生人数定额拨付，调整为按实际参加课后服务人数核拨，"
                        + "主要用于参与课后服务教师的劳务补助。各区应统筹安排配套经费，不得挤占挪用。",
                "四、自愿原则。课后服务由学生家长自愿选择，学校不得以任何形式强制或变相强制学生参加，"
                        + "不得借课后服务名义开展集体补课或收取其他费用。",
                "五、执行时间。本通知自2026年12月1日起执行。此前我市有关课后服务收费的规定与本通知不一致的，以本通知为准。",
                "江城市教育局",
                "2026年11月16日");
        return new PolicyDocument(DOCUMENT_NUMBER, DOCUMENT_NUMBER, DocumentNumber.parse(DOCUMENT_NUMBER).orElseThrow(),
                "JC-JYJ/2026-00318", TITLE, OFFICE,
                LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 20), "教育/收费管理",
                List.of("教育", "课后服务", "收费", "减免", "通知"), body,
                "https://www.jiangcheng.gov.example/jyj/zwgk/tzgg/content/post_20261120_0318.html");
    }

    /** A noun phrase naming the policy the way the mention style says, as a post would write it. */
    String doc(Mention mention) {
        return switch (mention) {
            case NUMBER -> pick(NUMBER_VARIANTS) + pick("文件", "文", "通知");
            case SHORT -> SHORT_TITLE;
            case FULL -> "《" + TITLE + "》";
            case NONE -> pick(TOPIC_ONLY);
        };
    }

    /** The same, as a report or an article would write it. */
    String articleDoc(Mention mention) {
        return switch (mention) {
            case NUMBER -> rnd.nextBoolean() ? titledNumber(pick(NUMBER_VARIANTS)) : pick(NUMBER_VARIANTS) + "文件";
            case NONE -> pick(TOPIC_ONLY_ARTICLE);
            default -> doc(mention);
        };
    }

    /** The policy as reports cite it by 文号: the title without the office, the 文号 in brackets after it. */
    static String titledNumber(String number) {
        return "《关于调整中小学课后服务收费标准的通知》（" + number + "）";
    }

    String weibo(Kind kind, Mention mention) {
        return switch (kind) {
            case NOISE -> weiboNoise();
            case INFO -> weiboPost(TAGS_INFO, OPEN_INFO, BODY_INFO, CLOSE_INFO, EMO_INFO, mention, 0.6);
            case QUESTION -> weiboPost(TAGS_NEGATIVE, OPEN_QUESTION, BODY_QUESTION, CLOSE_QUESTION, EMO_QUESTION,
                    mention, 0.3);
            case POSITIVE -> weiboPost(TAGS_POSITIVE, OPEN_AFTER, BODY_POSITIVE, CLOSE_POSITIVE, EMO_POSITIVE,
                    mention, 0.5);
            case MIXED -> weiboPost(TAGS_POSITIVE, OPEN_AFTER, BODY_MIXED, CLOSE_MIXED, EMO_MIXED, mention, 0.5);
            default -> weiboPost(TAGS_NEGATIVE, OPEN_NEGATIVE, BODY_NEGATIVE, CLOSE_NEGATIVE, EMO_NEGATIVE,
                    mention, 0.5);
        };
    }

    /** The fixed posts of the official and media accounts that frame the episode. */
    static String weiboAnchor(String which) {
        return switch (which) {
            case "release" -> "【我市调整中小学课后服务收费标准】市教育局近日印发" + DOCUMENT_NUMBER
                    + "，基础课后服务每生每学期900元，延时托管每生每月80元，城乡低保、特困供养家庭学生继续免收。"
                    + "新标准自12月1日起执行，详见市教育局网站。#江城教育#";
            case "daily" -> "【江城中小学课后服务收费标准调整】记者从市教育局获悉，" + SHORT_TITLE
                    + "调整后，基础课后服务每学期收费由600元调整为900元，多孩家庭减半政策停止执行。你怎么看？#课后服务收费#";
            case "evening" -> "【课后服务费上调引家长热议】" + DOCUMENT_NUMBER.replace('〔', '[').replace('〕', ']')
                    + "文件发布后，不少家长对涨幅和多孩家庭减半政策停止执行提出疑问，也有家长表示理解教师的课后付出。"
                    + "记者已就相关问题联系市教育局。#江城课后服务费上调#";
            case "response" -> "【关于中小学课后服务收费调整的说明】感谢大家对" + SHORT_TITLE + "的关注。"
                    + "一、900元为最高限价，各校可下浮执行；二、多孩家庭可按困难家庭程序继续申请减免；"
                    + "三、延时托管按月自愿报名，不参加不收费；四、新标准暂缓至2027年春季学期执行，其间将召开家长座谈会。";
            case "relay" -> "【市教育局就课后服务收费调整作出说明】新标准暂缓至2027年春季学期执行，多孩家庭可继续申请减免，"
                    + "延时托管不参加不收费。#江城教育局回应课后服务收费#";
            default -> throw new IllegalArgumentException("no anchor post " + which);
        };
    }

    /** What a user writes in front of {@code //@author：original} when reposting a post of this kind. */
    String repostComment(Kind original) {
        return switch (original) {
            case INFO -> pick(REPOST_INFO);
            case RESPONSE, POSITIVE, MIXED -> pick(REPOST_AFTER) + pick(EMO_POSITIVE);
            default -> pick(REPOST_NEGATIVE) + (rnd.nextBoolean() ? pick(EMO_NEGATIVE) : "");
        };
    }

    private String weiboPost(String[] tags, String[] openers, String[] bodies, String[] closers, String[] emos,
                             Mention mention, double tagChance) {
        String head = sometimes(tagChance, tags)
                + (mention != Mention.NONE || rnd.nextBoolean() ? String.format(pick(openers), doc(mention)) : "");
        return post(head, bodies, 3, () -> sometimes(0.7, closers) + pick(emos), 50, 200);
    }

    private String weiboNoise() {
        String[] theme = NOISE_POSTS[rnd.nextInt(NOISE_POSTS.length)];
        List<String> sentences = shuffled(Arrays.copyOfRange(theme, 1, theme.length - 1));
        return fit(theme[0], sentences.subList(0, 2), sentences, theme[theme.length - 1], 50, 200, "");
    }

    /**
     * Joins head, the chosen middle parts and tail; adds spare parts while the text is shorter than
     * {@code min} and drops trailing middle parts while it is longer than {@code max}.
     */
    String fit(String head, List<String> chosen, List<String> spare, String tail, int min, int max, String sep) {
        List<String> middle = new ArrayList<>(chosen);
        for (String part : spare) {
            if (length(head, middle, tail, sep) >= min) {
                break;
            }
            if (!middle.contains(part)) {
                middle.add(part);
            }
        }
        while (length(head, middle, tail, sep) > max && middle.size() > 1) {
            middle.remove(middle.size() - 1);
        }
        String text = join(head, middle, tail, sep);
        if (text.length() < min || text.length() > max) {
            throw new IllegalStateException("cannot fit a text into " + min + "–" + max + " chars: " + text);
        }
        return text;
    }

    /**
     * A Weibo post of both simulators: the head, one to {@code most} of the bodies in random order, the tail;
     * fitted into {@code min}–{@code max} characters. The tail is drawn after the bodies are shuffled and
     * before their number, the order of draws the seeds' files depend on.
     */
    String post(String head, String[] bodies, int most, Supplier<String> tail, int min, int max) {
        List<String> middle = shuffled(bodies);
        String end = tail.get();
        return fit(head, middle.subList(0, 1 + rnd.nextInt(most)), middle, end, min, max, "");
    }

    /** An article of the paragraphs alone: {@link #article(String, List, String[], int, String, int, int)} with none fixed. */
    String article(String head, String[] paragraphs, int count, String tail, int min, int max) {
        return article(head, List.of(), paragraphs, count, tail, min, max);
    }

    /**
     * An article of both simulators: the head, the fixed paragraphs, then {@code count} of the other paragraphs
     * (the head never among them) picked at random and kept in their written order, so that reports on the same
     * news differ; the tail. Fitted into {@code min}–{@code max} characters, topped up from the unpicked ones.
     */
    String article(String head, List<String> fixed, String[] paragraphs, int count, String tail, int min, int max) {
        List<String> spare = new ArrayList<>(Arrays.asList(paragraphs));
        spare.remove(head);
        Collections.shuffle(spare, rnd);
        List<String> picked = spare.subList(0, Math.min(count, spare.size()));
        List<String> chosen = new ArrayList<>(fixed);
        for (String paragraph : paragraphs) {
            if (picked.contains(paragraph)) {
                chosen.add(paragraph);
            }
        }
        return fit(head, chosen, spare, tail, min, max, "\n");
    }

    private static int length(String head, List<String> middle, String tail, String sep) {
        return join(head, middle, tail, sep).length();
    }

    private static String join(String head, List<String> middle, String tail, String sep) {
        List<String> parts = new ArrayList<>();
        if (!head.isEmpty()) {
            parts.add(head);
        }
        parts.addAll(middle);
        if (!tail.isEmpty()) {
            parts.add(tail);
        }
        return String.join(sep, parts);
    }

    String pick(String... options) {
        return Draws.pick(rnd, options);
    }

    /** One of the options with this chance, else nothing. */
    String sometimes(double chance, String... options) {
        return rnd.nextDouble() < chance ? pick(options) : "";
    }

    /** How a text names the policy: by 文号 with chance {@code number}, by short or by full title, else by its subject. */
    Mention mention(double number, double shortTitle, double fullTitle) {
        double r = rnd.nextDouble();
        return r < number ? Mention.NUMBER
                : r < number + shortTitle ? Mention.SHORT
                : r < number + shortTitle + fullTitle ? Mention.FULL : Mention.NONE;
    }

    List<String> shuffled(String... options) {
        return Draws.shuffled(rnd, options);
    }

    /** A phrase list that extends another: its phrases first, in their order, then the others. */
    static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
