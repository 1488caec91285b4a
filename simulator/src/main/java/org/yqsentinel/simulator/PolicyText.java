package org.yqsentinel.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.yqsentinel.simulator.ScenarioArticles.Article;
import org.yqsentinel.simulator.SimulatedPost.Stance;

/**
 * The Weibo posts of a simulation about the demo policy (江教发〔2026〕18号, the after-school fee notice).
 * They name it the ways real posts do — by 文号 in its written variants, by title in 《》, most by
 * its subject alone — and always with 课后 or the 文号, so that the stream's ground truth stays readable.
 * News and WeChat articles come from {@link PolicyArticles}.
 */
final class PolicyText implements TopicText {

    /** The 文号 as posts write it. */
    static final List<String> NUMBER_FORMS = List.of("江教发〔2026〕18号", "江教发[2026]18号", "江教发（2026）第18号",
            "江教发(2026)18号", "江教发〔2026〕第18号", "江教发［2026］18号");
    /** The title as posts quote it: without the issuing office, cut short, or whole. */
    static final List<String> TITLE_FORMS = List.of("《关于调整中小学课后服务收费标准的通知》", "《调整中小学课后服务收费标准》",
            "《课后服务收费标准》", "《江城市教育局关于调整中小学课后服务收费标准的通知》");
    private static final String[] SUBJECTS = {
        "课后服务收费新规", "这次课后服务收费调整", "新出的课后服务收费标准", "课后服务和延时托管的新收费", "教育局新发的课后服务收费通知",
        "课后服务费调整的消息", "市里新定的课后服务收费"};
    /** How the angry name it: by the rise. */
    private static final String[] SUBJECTS_CRITICAL = {
        "课后服务涨价的通知", "课后服务费上调这事", "课后托管涨价这事", "课后服务一学期900元的新标准", "课后服务涨价五成的新规"};
    private static final String[] NUMBER_SUFFIXES = {"文件", "文", "", "通知"};

    private static final String[] TAGS_NEGATIVE = ScenarioText.concat(ScenarioText.TAGS_NEGATIVE, "#课后服务涨价五成#", "#多孩家庭减半取消#");
    private static final String[] OPEN_NEGATIVE = {
        "刚看到%s，", "家长群里都在转%s，", "%s一出来，家长群直接炸了。", "把%s从头看到尾，", "关于%s，忍不住说两句：",
        "看完%s，血压都上来了。", "%s说12月1日就执行，", "下班路上刷到%s，", "谁来解释一下%s？", "%s这波操作真的看不懂。",
        "又是涨价！%s，", "就%s说句实话：", "孩子他爸把%s转给我，看完气得睡不着。", "%s，"};
    private static final String[] BODY_NEGATIVE = {
        "一学期从六百涨到九百，涨了整整一半，工资可一分没涨。",
        "两个娃一学期直接多交九百，多孩减半说取消就取消，太让人失望了。",
        "延时托管每月还要另交八十，双职工家庭根本没得选，这不就是变相强制吗？",
        "说是自愿参加，三点半放学谁能去接？所谓自愿就是逼着你交钱。",
        "定价前问过家长吗？听证会开了吗？成本账一个字都没公开，太不透明了。",
        "财政补助一改，钱全转到家长头上，这算盘打得真响。",
        "看护质量一点没提高，收费倒是先涨上去了，太糟糕了。",
        "前两年口口声声说减负惠民，现在一口气涨五成，简直是笑话。",
        "家长群里几十号人，没有一个觉得合理的，全在骂。",
        "每月房贷、补习班再加上这笔，普通工薪家庭真的扛不住了。",
        "孩子在教室里自己写作业，凭什么一学期要九百？",
        "一刀切地涨价，不考虑多孩家庭，定政策的人有没有替老百姓算过账？",
        "这种不合理的收费必须叫停！",
        "对这次涨价非常失望，也非常气愤。",
        "困难家庭认定的手续麻烦得要命，摆明了不想让人申请。",
        "老师辛苦我理解，但不能什么成本都让家长兜底，这太不公平了。",
        "通知发布到执行不到两周，连个缓冲都没有，太离谱了。",
        "涨价理由含糊其辞，问了一圈没人解释，真让人寒心。",
        "我们不是交不起，是受不了这种不商量、不解释的做法。",
        "每次都是先涨了再说，老百姓的负担谁来管？",
        "说好的减负呢？负担只会越来越重。",
        "我家老大一年级，按新标准一年多出好几百，心态崩了。",
        "班主任在群里一通知就要交钱，不交就没人看孩子，这就是霸王条款。",
        "乱收费换个名目又回来了，坑的还是家长。",
        "这样的政策真的很差，一点都不接地气。",
        "涨幅五成还好意思叫调整？这分明就是涨价。",
        "多孩家庭本来压力就大，减半一取消，雪上加霜。",
        "给家长一个说法就这么难吗？",
        "真心觉得被忽悠了，越想越生气。",
        "四点半到六点半看两个小时孩子，每月还要多交八十，谁定的价？",
        "身边的家长都很不满，有人已经打了市民热线投诉。",
        "钱涨了服务不变，老人接送、作业辅导还是一样都没有，失望透顶。"};
    private static final String[] CLOSE_NEGATIVE = {
        "这也叫减负？", "钱到底花在哪了？", "强烈要求公开成本账！", "有没有人管一管？", "普通家庭怎么办？", "坚决反对这种涨法！",
        "请教育局给个说法！", "太让人失望了。", "真的寒心。", "希望有关部门重视！", "已经打了12345投诉。", "反对无效是吧？"};
    private static final String[] EMO_NEGATIVE = {"[怒]", "[抓狂]", "[泪]", "[衰]", "[怒骂]", "[晕]", "[汗]", "[悲伤]", "[鄙视]", "[失望]"};

    private static final String[] TAGS_POSITIVE = {"#江城课后服务#", "#课后服务收费#", "#江城教育#", "#接娃难有解了#", "#为江城教育点赞#"};
    private static final String[] OPEN_POSITIVE = {
        "%s出来了，必须点个赞！", "认真看了%s，", "说句公道话，%s挺好的。", "为%s鼓掌！", "家里老人问起%s，我给她讲了一遍，",
        "看到%s，作为双职工家长真的松了口气。", "关于%s，我是支持的。", "%s这次做得不错，", "刚在学校群里看到%s，",
        "点赞%s！", "%s，好消息！"};
    private static final String[] BODY_POSITIVE = {
        "延时托管到六点半，再也不用下班一路狂奔去接娃了，太好了。",
        "低保和特困家庭继续免收，这个安排很暖心。",
        "老师们放学后还要留下来看孩子，终于有了合理补贴，支持！",
        "全市统一标准、各校不得超标，乱收费的口子堵上了，很好。",
        "自愿参加、不强制，家长可以按需选择，很人性化。",
        "一学期九百，摊到每天才几块钱，有老师看着写作业，很值得。",
        "比起外面的托管班动辄一两千，学校的服务实惠多了。",
        "孩子在学校写完作业再回家，晚上一家人终于能好好吃顿饭了。",
        "标准、减免、经费写得清清楚楚，公开透明，给个好评。",
        "双职工家庭的刚需被看见了，感谢教育局！",
        "困难家庭还能申请减免，考虑得很周到。",
        "老师辛苦了，合理收费我完全认可。",
        "这才是真正的减负，家长省心，孩子安心。",
        "听说还会加兴趣课，非常期待。",
        "我们学校已经开始报名了，流程很方便。",
        "政策出得及时，解决了接娃难的大问题。",
        "看到评论区都在点赞，说明这事办到大家心坎上了。",
        "以前四点就得请假接孩子，现在终于不用跟领导赔笑脸了。",
        "总体来说很满意，希望学校把服务做得更好。",
        "作为老师家属，真心感谢这份补贴，大家的付出被看到了。",
        "规范收费、自愿参加、困难免收，三点都说到了点子上。",
        "这样的民生政策多来一点，幸福感满满。",
        "我家娃说在学校和同学一起写作业效率更高，开心。"};
    private static final String[] CLOSE_POSITIVE = {
        "给教育局点个赞！", "支持！", "必须好评。", "希望越办越好。", "感谢！", "这波真的很棒。", "为民办实事，点赞！", "满意！"};
    private static final String[] EMO_POSITIVE = {"[鼓掌]", "[赞]", "[good]", "[心]", "[哈哈]", "[爱你]", "[太开心]", "[嘻嘻]", "[给力]"};

    private static final String[] TAGS_INFO = ScenarioText.TAGS_INFO;
    private static final String[] OPEN_INFO = ScenarioText.concat(ScenarioText.OPEN_INFO,
        "家长们注意，%s来了：", "%s全文已公布，", "简单说下%s的内容：", "有家长问%s，汇总一下：");
    private static final String[] BODY_INFO = {
        "基础课后服务每生每学期900元，原来是600元。",
        "延时托管17:30到18:30，每生每月80元，单独收费。",
        "城乡低保、特困供养家庭的学生和孤儿继续免收。",
        "多孩家庭第二个孩子减半的规定停止执行，有困难的可以按程序申请减免。",
        "课后服务坚持自愿参加，学校不得强制。",
        "新标准自2026年12月1日起执行。",
        "各学校收费不得超出新标准。",
        "市级财政补助改为按实际参加人数核拨。",
        "补助主要用于参与课后服务的教师。",
        "学校不得借课后服务名义集体补课。"};
    private static final String[] CLOSE_INFO = {
        "具体以学校通知为准。", "大家按需选择。", "有疑问可以咨询所在学校。", "全文可以在市教育局网站查看。", "供参考。"};
    private static final String[] EMO_INFO = {"", "", "[思考]", "[吃瓜]"};
    private static final String[] OFFICIAL_HEADLINES = {
        "【我市调整中小学课后服务收费标准】", "【江城中小学课后服务收费标准调整】", "【课后服务收费新标准12月1日起执行】",
        "【市教育局印发课后服务收费调整通知】"};
    private static final String[] OFFICIAL_LEADS = {"市教育局近日印发%s，", "记者从市教育局获悉，%s已经印发，", "%s日前公布，"};

    private static final String[] OPEN_QUESTION = {
        "请教一下，%s里说的", "看了%s，有几个地方没看懂：", "关于%s想问一下，", "有没有懂行的家长，%s出来以后，", "问个问题，看了%s，"};
    private static final String[] BODY_QUESTION = ScenarioText.concat(ScenarioText.BODY_QUESTION,
        "不参加延时托管，基础服务还能单独报吗？",
        "900元是统一价还是上限？各校会不会不一样？",
        "这段时间老师会辅导作业吗，还是只看着？",
        "中途退出的话，费用怎么算？",
        "民办学校也按这个标准吗？");
    private static final String[] CLOSE_QUESTION = ScenarioText.concat(ScenarioText.CLOSE_QUESTION, "蹲一个官方解答。", "班级群里也没人说清楚。");
    private static final String[] EMO_QUESTION = {"[疑问]", "[思考]", "[可怜]", ""};

    private static final String[] REPOST_NEGATIVE = {
        "转发微博", "说出了我的心声[怒]", "同问", "太真实了[泪]", "顶上去，让更多人看到", "我家也是两个娃，一样的账[衰]",
        "支持发声！", "一样气愤", "气死了[抓狂]", "+1，太离谱了", "必须转"};
    private static final String[] REPOST_POSITIVE = {
        "赞同！[鼓掌]", "说得好[good]", "确实是好事", "点赞[给力]", "转给需要的家长", "同感[心]", "支持[哈哈]"};
    private static final String[] REPOST_INFO = ScenarioText.concat(ScenarioText.REPOST_INFO, "转发微博");
    private static final String[] REPOST_QUESTION = {"同问", "蹲一个答案", "我也想知道", "求解答"};

    private final Random rnd;
    private final ScenarioText words;
    private final PolicyArticles articles;

    PolicyText(ScenarioText words, ScenarioArticles reports, Random rnd) {
        this.rnd = rnd;
        this.words = words;
        this.articles = new PolicyArticles(reports, words, rnd);
    }

    /** The policy as a post names it: 15 % by 文号, 15 % by title, the rest by its subject (by the rise, when angry). */
    private String mention(Stance stance) {
        double roll = rnd.nextDouble();
        if (roll < 0.15) {
            return (rnd.nextDouble() < 0.3 ? "市教育局" : "") + number() + words.pick(NUMBER_SUFFIXES);
        }
        if (roll < 0.3) {
            double title = rnd.nextDouble();
            return TITLE_FORMS.get(title < 0.5 ? 0 : title < 0.75 ? 1 : title < 0.95 ? 2 : 3);
        }
        return stance == Stance.NEGATIVE && rnd.nextBoolean() ? words.pick(SUBJECTS_CRITICAL) : words.pick(SUBJECTS);
    }

    private String number() {
        return NUMBER_FORMS.get(rnd.nextInt(NUMBER_FORMS.size()));
    }

    @Override
    public String weibo(Stance stance, boolean institutional) {
        return switch (stance) {
            case INFORMING -> institutional ? official()
                    : post(stance, TAGS_INFO, OPEN_INFO, BODY_INFO, 2, CLOSE_INFO, EMO_INFO, 0.4, 1);
            case QUESTION -> post(stance, TAGS_INFO, OPEN_QUESTION, BODY_QUESTION, 2, CLOSE_QUESTION, EMO_QUESTION, 0.2, 1);
            case NEGATIVE -> post(stance, TAGS_NEGATIVE, OPEN_NEGATIVE, BODY_NEGATIVE, 3, CLOSE_NEGATIVE, EMO_NEGATIVE, 0.4, 2);
            case POSITIVE -> post(stance, TAGS_POSITIVE, OPEN_POSITIVE, BODY_POSITIVE, 3, CLOSE_POSITIVE, EMO_POSITIVE, 0.4, 2);
        };
    }

    @Override
    public String repostComment(Stance stance) {
        return words.pick(switch (stance) {
            case INFORMING -> REPOST_INFO;
            case QUESTION -> REPOST_QUESTION;
            case NEGATIVE -> REPOST_NEGATIVE;
            case POSITIVE -> REPOST_POSITIVE;
        });
    }

    @Override
    public Article news(Stance stance) {
        return articles.news(stance);
    }

    @Override
    public Article wechat(Stance stance) {
        return articles.wechat(stance);
    }

    /** A tagged opener naming the policy, one to {@code maxBodies} sentences, a closer and up to {@code maxEmoticons}. */
    private String post(Stance stance, String[] tags, String[] openers, String[] bodies, int maxBodies, String[] closers,
                        String[] emoticons, double tagChance, int maxEmoticons) {
        String head = words.sometimes(tagChance, tags) + String.format(words.pick(openers), mention(stance));
        return words.post(head, bodies, maxBodies, () -> words.sometimes(0.7, closers) + emoticons(emoticons, maxEmoticons), 30, 180);
    }

    private String emoticons(String[] emoticons, int most) {
        StringBuilder some = new StringBuilder();
        int count = 1 + rnd.nextInt(most);
        for (int i = 0; i < count; i++) {
            some.append(words.pick(emoticons));
        }
        return some.toString();
    }

    /** An official or media account's post: a bracketed headline, the notice named, its key points. */
    private String official() {
        String doc = rnd.nextBoolean() ? number() : TITLE_FORMS.get(rnd.nextInt(2));
        List<String> points = new ArrayList<>();
        for (String point : BODY_INFO) {
            if (rnd.nextDouble() < 0.45) {
                points.add(point);
            }
        }
        String tail = words.pick("详见市教育局网站。", "具体以各校通知为准。", "") + words.pick(TAGS_INFO);
        return words.fit(words.pick(OFFICIAL_HEADLINES) + String.format(words.pick(OFFICIAL_LEADS), doc), points,
                words.shuffled(BODY_INFO), tail, 60, 180, "");
    }
}
