package org.yqsentinel.simulator;

import java.util.Random;
import org.yqsentinel.simulator.ScenarioArticles.Article;
import org.yqsentinel.simulator.ScenarioText.Kind;
import org.yqsentinel.simulator.ScenarioText.Mention;
import org.yqsentinel.simulator.SimulatedPost.Stance;

/**
 * News reports and WeChat articles of a simulation about the demo policy. Informing reports and
 * explainers (questions answered) are the demo episode's ({@link ScenarioArticles}); the outcry and the warm welcome are
 * written here, as reports full of angry or grateful voices and opinion pieces that take a side.
 */
final class PolicyArticles {

    private static final String[] NEGATIVE_NEWS_TITLES = {
        "课后服务费一涨五成 家长不满声四起", "“这也叫减负？”课后服务收费调整引发家长强烈质疑", "多孩家庭减半取消 家长直呼负担太重",
        "课后服务涨价引众怒 家长质疑定价不透明", "家长集中投诉课后服务收费上调", "课后服务收费调整遭吐槽：涨价容易解释难"};
    private static final String[] NEGATIVE_NEWS_LEADS = {
        "%s发布后，迅速在家长群体中引发强烈不满。记者连日来收到大量家长投诉，矛头直指涨幅过大、定价不透明。",
        "连日来，%s在江城家长中引发一片质疑声。不少家长直言，涨价来得太突然，负担太重。",
        "“太让人失望了！”谈起%s，家住江北区的陈女士语气激动。记者走访发现，持类似看法的家长不在少数。"};
    private static final String[] NEGATIVE_VOICES = {
        "家长陈女士家里两个孩子都在读小学，按原规定一学期课后服务费共900元，新标准执行后将变成1800元。“涨得太离谱了，事先一点风声都没有，根本没问过我们家长的意见。”",
        "市民林先生夫妻俩都要六点后才下班，延时托管是刚需。“说是自愿，其实根本没得选。每月再多交八十，我们普通工薪家庭的负担越来越重。”",
        "记者在社交平台上看到，相关话题下的评论几乎一边倒地表达不满，“不合理”“不透明”“变相涨价”成为高频词。",
        "多位家长质疑，收费一下涨了五成，服务内容却和原来一样，还是在教室里自习，“钱花在哪里了，总得给个说法。”",
        "有家长反映，班主任在班级群里通知缴费时，对不参加的家长语气强硬，“所谓自愿参加，在执行中变成了变相强制。”",
        "不少多孩家庭对减半政策停止执行尤为不满。家长周女士说，三个孩子同时上学，一学期要多出一千多元，“困难家庭认定手续繁琐，我们既不困难也不轻松，被卡在中间。”",
        "截至发稿，市民热线已接到数百件相关投诉，家长普遍要求公开成本核算、重新听取意见。",
        "一位家长代表直言：“这样的政策出台前连听证都没有，让人很寒心。涨价容易，解释却一个字都没有。”",
        "也有网友算了一笔账：两个孩子基础服务加延时托管，一学期下来要两千多元，“对普通家庭来说压力太大了，实在无法接受。”"};
    private static final String[] NEGATIVE_NEWS_CLOSES = ScenarioText.concat(ScenarioArticles.REACTION_CLOSES, "家长们希望，有关部门尽快回应关切。");

    private static final String[] NEGATIVE_WECHAT_TITLES = {
        "一学期900元，这样的课后服务费我们不认", "涨价五成，家长的愤怒不是没有道理", "“自愿”的课后服务，为什么让家长这么寒心？",
        "多孩家庭的减半优惠，说取消就取消？", "课后服务涨价，请先把账算清楚"};
    private static final String[] NEGATIVE_WECHAT_INTROS = {
        "%s发布后，我们后台的留言一夜之间上了千条，几乎全是不满和质疑。", "先说结论：这次%s，我们不认同，也很失望。",
        "这两天，几乎每个家长群都在骂%s。"};
    private static final String[] NEGATIVE_OPINIONS = {
        "涨幅的依据是什么？从600元到900元，涨了整整五成。通知里只写了新标准，成本怎么算的一个字都没有，这样的不透明让人无法接受。",
        "多孩家庭被直接推到了政策外面。原来第二个孩子减半，现在要按困难家庭重新认定。多数多孩家庭并不“困难”，只是负担更重，这样的一刀切太不合理了。",
        "“自愿”根本落不了地。小学三点半放学，双职工家庭没有别的选择。延时托管每月80元单独收，看起来是选项，其实是逼着家长掏钱。",
        "财政补助改为按实际参加人数核拨，说白了就是把成本转给家长。投入不增反减，负担全压在普通家庭身上，这是我们最失望的地方。",
        "一位读者在留言里写道：“不是交不起，是受够了这种不商量、不解释的做法。”这句话道出了很多家长的愤怒。",
        "有读者算了一笔账：两个孩子，基础服务加延时托管，一学期下来要两千多元。对普通工薪家庭来说，这是实实在在的压力。",
        "收费调整涉及千家万户，出台前连个听证都没有，很多家长是在通知发布之后才知道的。这样的决策方式，很难让人信服。",
        "服务内容没有任何变化，收费却先涨了上去。本来说好的减负，现在反而成了新的负担，这实在太讽刺了。",
        "还有家长担心，“各校不得超出标准”最后会变成“各校都按最高标准收”。从以往的经验看，这种担心一点都不多余。"};
    private static final String[] NEGATIVE_OUTROS = {
        "你怎么看这次涨价？欢迎在留言区说出你的不满。", "转给更多家长，让我们的声音被听见。", "理性表达，但我们必须发声。"};

    private static final String[] POSITIVE_NEWS_TITLES = {
        "课后服务新规获家长点赞 接娃难有了新解法", "延时托管到六点半 双职工家庭直呼“太及时了”",
        "规范收费 困难家庭免收 课后服务新标准赢得好评", "家长点赞课后服务新政：省心又放心"};
    private static final String[] POSITIVE_NEWS_LEADS = {
        "%s发布后，受到广大家长的欢迎和好评。不少家长表示，新标准规范了收费，也解决了接娃难的老问题。",
        "连日来，%s在家长中收获了一片点赞声。", "“太好了，终于不用请假接孩子了！”谈起%s，家住江南区的黄女士十分高兴。"};
    private static final String[] POSITIVE_VOICES = {
        "家长黄女士夫妻俩都是双职工，以前每天下午四点就得请假接孩子。“延时托管到六点半，解决了我们家最大的难题，真的很感谢。”",
        "多位家长表示，全市统一标准、各校不得超标，堵住了以往个别学校乱收费的口子，“收费规范了，透明了，我们交得放心。”",
        "城乡低保、特困供养家庭学生继续免收的规定也获得好评。一位社区工作者说，这体现了政策的温度，很暖心。",
        "不少教师也对新规表示欢迎。一位小学教师说，课后服务占用了大量休息时间，这次补助有了保障，老师们干劲更足了。",
        "记者在社交平台上看到，相关话题下点赞的留言占了多数，“人性化”“及时”“省心”成为高频词。",
        "家长林先生算了一笔账：一学期900元，平均到每天只有几块钱，比校外托管班实惠得多，“孩子在学校有老师看着写作业，我们很满意。”",
        "自愿参加的原则也让家长感到安心。家长吴女士说，家里有老人接送的可以不参加，需要的再报名，“选择权在家长手里，这样很好。”",
        "有家长期待，学校能在课后服务中增加阅读、体育和兴趣活动，让孩子的课后时光更加丰富。"};
    private static final String[] POSITIVE_NEWS_CLOSES = {
        "不少家长表示，期待新标准落地后课后服务越办越好。", "本报将持续关注新标准的落实情况。"};

    private static final String[] POSITIVE_WECHAT_TITLES = {
        "好消息！课后服务新标准来了，双职工家长有救了", "点赞！延时托管到六点半，接娃不再难", "课后服务新规，这几点做得真不错",
        "为江城课后服务新政点个赞"};
    private static final String[] POSITIVE_WECHAT_INTROS = {
        "各位家长，好消息来了！%s正式发布，困扰大家多年的接娃难终于有了解决办法。", "这两天，后台收到很多家长的留言，都在为%s点赞。",
        "先说结论：这次%s，我们觉得很不错，值得点赞。"};
    private static final String[] POSITIVE_POINTS = {
        "延时托管到18:30，双职工家庭再也不用下午请假接孩子，这是实实在在解决了大家的难题。",
        "收费有了统一标准，各学校不得超出标准，以往个别学校乱收费的情况有了明确约束，公开透明，家长交得明白。",
        "困难家庭继续免收，城乡低保、特困供养家庭学生和孤儿继续免费，政策很有温度。",
        "坚持自愿原则，不参加不收费，学校不得强制，选择权在家长手里，很人性化。",
        "老师们的付出也被看到了。补助主要用于参与课后服务的教师，老师干劲足了，孩子们受益更多。",
        "一位读者留言说：“九百块一学期，摊到每天才几块钱，有老师看着写作业，太值了。”这条留言获得了上千个赞。",
        "比起外面动辄一两千元的托管班，学校的课后服务安全、实惠、放心，很多家长表示非常满意。",
        "也有家长期待，课后服务能加入更多阅读、体育和兴趣课程，让孩子的课后时光更丰富、更快乐。"};
    private static final String[] POSITIVE_OUTROS = {
        "觉得有用，记得转给身边的家长朋友！", "你家孩子报名了吗？欢迎在留言区分享。", "为江城教育点个赞吧！"};

    private final ScenarioArticles reports;
    private final ScenarioText words;
    private final Random rnd;

    PolicyArticles(ScenarioArticles reports, ScenarioText words, Random rnd) {
        this.reports = reports;
        this.words = words;
        this.rnd = rnd;
    }

    Article news(Stance stance) {
        return switch (stance) {
            case INFORMING, QUESTION -> reports.news(rnd.nextDouble() < 0.6 ? Kind.INFO : Kind.EXPLAINER, reportMention(), false);
            case NEGATIVE -> article(NEGATIVE_NEWS_TITLES, NEGATIVE_NEWS_LEADS, NEGATIVE_VOICES, NEGATIVE_NEWS_CLOSES, 2, 200, 800);
            case POSITIVE -> article(POSITIVE_NEWS_TITLES, POSITIVE_NEWS_LEADS, POSITIVE_VOICES, POSITIVE_NEWS_CLOSES, 2, 200, 800);
        };
    }

    Article wechat(Stance stance) {
        return switch (stance) {
            case INFORMING, QUESTION -> reports.wechat(Kind.INFO, reportMention());
            case NEGATIVE -> article(NEGATIVE_WECHAT_TITLES, NEGATIVE_WECHAT_INTROS, NEGATIVE_OPINIONS, NEGATIVE_OUTROS, 3, 300, 1000);
            case POSITIVE -> article(POSITIVE_WECHAT_TITLES, POSITIVE_WECHAT_INTROS, POSITIVE_POINTS, POSITIVE_OUTROS, 3, 300, 1000);
        };
    }

    /** The policy as a report or an article names it: the 文号 in brackets after the title, the 文号, the title, or its subject. */
    private String articleMention() {
        double roll = rnd.nextDouble();
        String number = PolicyText.NUMBER_FORMS.get(rnd.nextInt(PolicyText.NUMBER_FORMS.size()));
        if (roll < 0.2) {
            return ScenarioText.titledNumber(number);
        }
        if (roll < 0.35) {
            return number + "文件";
        }
        return roll < 0.5 ? PolicyText.TITLE_FORMS.get(0) : words.pick("课后服务收费调整通知", "新的课后服务收费标准", "课后服务收费新规");
    }

    /** How the demo episode's reports name the policy: a quarter by 文号, a quarter by title, half by subject. */
    private Mention reportMention() {
        return words.mention(0.25, 0.15, 0.1);
    }

    private Article article(String[] titles, String[] leads, String[] paragraphs, String[] closes, int least, int min, int max) {
        return new Article(words.pick(titles), words.article(String.format(words.pick(leads), articleMention()), paragraphs,
                least + rnd.nextInt(3), words.pick(closes), min, max));
    }
}
