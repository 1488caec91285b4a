package org.yqsentinel.simulator;

import java.util.List;
import java.util.Random;
import org.yqsentinel.simulator.ScenarioText.Kind;
import org.yqsentinel.simulator.ScenarioText.Mention;

/**
 * The wording of news reports and WeChat articles about the demo policy, and of the off-topic
 * articles that surround them, composed from paragraph lists written for this project. The simulation
 * takes its informing reports and part of its everyday news from here.
 */
final class ScenarioArticles {

    record Article(String title, String text) {}

    /** An off-topic subject: titles for a news report and for a WeChat article, and the paragraphs they take (the first leads). */
    record ArticleTheme(String[] newsTitles, String[] wechatTitles, String[] paragraphs) {}

    private static final String[] INFO_TITLES = {
        "江城调整中小学课后服务收费标准 12月1日起执行", "江城中小学课后服务费调整：基础服务每学期900元",
        "课后服务收费有新标准 低保特困家庭继续免收", "江城印发通知调整课后服务收费 延时托管单独收费"};
    private static final String[] INFO_LEADS = {
        "本报讯 记者从江城市教育局获悉，该局日前印发%s，对全市义务教育阶段学校课后服务收费标准作出调整，新标准自2026年12月1日起执行。",
        "11月20日，江城市教育局在官方网站公布%s，明确自今年12月1日起调整全市中小学课后服务收费标准。",
        "江城市教育局近日发布%s。这是我市全面推开课后服务以来首次调整收费标准。"};
    private static final String[] FEES = {
        "根据通知，基础课后服务（放学后至17:30）收费标准由每生每学期600元调整为900元；延时托管服务（17:30至18:30）单独收费，每生每月80元。各学校收费不得超出上述标准。",
        "按照新标准，放学后至17:30的基础课后服务每生每学期收费900元，此前为600元；17:30至18:30的延时托管另行收费，每生每月80元。"};
    private static final String[] EXEMPT = {
        "通知明确，城乡低保家庭、特困供养家庭学生及孤儿等继续免收课后服务费用。此前对多子女家庭第二个及以上子女减半收取的规定停止执行，相关家庭可按困难家庭认定程序申请减免。",
        "在减免方面，低保、特困供养家庭学生和孤儿继续免费参加课后服务；原有的多子女家庭减半收费规定不再执行，符合条件的家庭可申请困难家庭减免。"};
    private static final String[] INFO_EXTRA = {
        "通知同时强调，课后服务坚持家长自愿原则，学校不得强制或变相强制学生参加，不得借课后服务名义开展集体补课或收取其他费用。",
        "经费保障方面，市级财政补助由按在校学生人数定额拨付，调整为按实际参加课后服务人数核拨。",
        "据了解，我市自2021年起在义务教育阶段学校全面开展课后服务，目前参加课后服务的学生约占在校生的八成。"};

    private static final String[] EXPLAINER_TITLES = {
        "五问江城课后服务新收费标准", "一文读懂：课后服务收费调整后有哪些变化", "课后服务收费调整，家长关心的几个问题"};
    private static final String[] EXPLAINER_LEADS = {
        "%s发布后，不少家长关心新标准怎么执行、哪些家庭可以减免。记者梳理了几个常见问题。",
        "围绕%s，记者整理了家长关注度较高的几个问题，供参考。"};
    private static final String[] QUESTIONS = {
        "问：基础课后服务和延时托管有什么区别？答：基础课后服务从放学后到17:30，按学期收费；延时托管从17:30到18:30，按月单独收费，家长可自行选择。",
        "问：哪些学生可以免费？答：城乡低保家庭、特困供养家庭学生及孤儿等继续免收课后服务费用。",
        "问：多孩家庭还有优惠吗？答：原减半收取的规定停止执行，确有困难的家庭可按困难家庭认定程序申请减免。",
        "问：不参加课后服务会收费吗？答：课后服务坚持自愿原则，不参加不收费，学校不得强制或变相强制参加。",
        "问：收费标准是统一价吗？答：通知规定各学校收费不得超出标准，具体收费以学校公示为准。"};
    private static final String QUESTION_BEFORE = "问：新标准什么时候执行？答：通知明确自2026年12月1日起执行，具体缴费时间以各学校通知为准。";
    private static final String QUESTION_AFTER = "问：新标准还会按时执行吗？答：市教育局11月22日作出说明，新标准暂缓至2027年春季学期执行。";

    private static final String[] REACTION_TITLES = {
        "课后服务费上调引发家长热议", "涨幅五成引关注 江城家长热议课后服务收费调整",
        "多孩家庭减半政策停止 家长盼更细致说明", "课后服务收费调整 家长有疑问也有理解"};
    private static final String[] REACTION_LEADS = {
        "%s发布后，在家长群体中引发热议。记者在社交平台上看到，不少网友对涨幅和多孩家庭减半政策停止执行表示不解。",
        "连日来，%s成为江城家长群里的热门话题。有家长算了一笔账，也有家长表示理解教师的课后付出。",
        "%s公布后，记者连续两天走访多所小学校门口，听取接送孩子的家长的看法。"};
    private static final String[] VOICES = {
        "家住江北区的陈女士告诉记者，家里两个孩子都在读小学，按原规定一学期课后服务费共900元，新标准执行后将变成1800元。“涨得太急了，至少应该提前听听家长的意见。”",
        "也有家长表示理解。一位姓黄的家长说，老师放学后还要留校看护，适当收费可以接受，“关键是收了钱之后，服务质量要跟上。”",
        "一位小学教师坦言，课后服务延长了教师在校时间，合理的劳务补偿有必要，但收费调整前应当把道理讲清楚。",
        "不少双职工家长关注延时托管。市民林先生说，夫妻二人都要六点后才下班，延时托管是刚需，“说是自愿，其实没得选。”",
        "还有网友提出，财政补助改为按实际参加人数核拨后，是否意味着补贴减少，希望有关部门公开经费使用情况。",
        "江南区一位姓吴的家长表示，自己家只有一个孩子，涨幅还能接受，“但希望学校把课后服务内容公示出来，是看作业还是上兴趣课，家长心里要有数。”",
        "有网友在社交平台留言称，家附近的学校课后服务以自习为主，“同样是看管，为什么要涨这么多？”这条留言获得了大量点赞。",
        "一位从事校外托管工作的市民认为，与校外托管相比，学校课后服务的价格仍有优势，但公办服务一涨价，家长自然格外敏感。",
        "也有家长关心减免申请的流程。家长周女士说，家里情况不算困难，但三个孩子同时上学，“不知道按新规定还能不能申请。”"};
    static final String[] REACTION_CLOSES = {
        "记者已就相关问题联系江城市教育局，截至发稿时尚未获得回复。", "本报将持续关注此事进展。"};

    private static final String[] RESPONSE_TITLES = {
        "江城市教育局回应课后服务收费调整：新标准暂缓至明年春季执行", "多孩家庭仍可申请减免 江城教育局就课后服务收费作出说明",
        "课后服务收费暂缓执行 江城将召开家长座谈会", "江城教育局：900元为最高限价 各校可下浮执行"};
    private static final String[] RESPONSE_LEADS = {
        "11月22日，江城市教育局就%s引发的社会关注作出说明，表示新标准将暂缓至2027年春季学期执行。",
        "针对近期家长对%s的意见建议，江城市教育局22日上午发布情况说明，对收费上限、多孩家庭减免等问题逐一回应。"};
    private static final String[] RESPONSE_POINTS = {
        "说明指出，每生每学期900元是收费上限，不是统一标准，各学校可结合办学成本和服务内容下浮执行。",
        "关于多孩家庭减免，说明表示，原减半政策并非简单取消，而是并入困难家庭减免统一认定，符合条件的二孩及以上家庭可继续申请。",
        "延时托管实行按月自愿报名，不参加不收费，学校不得以任何方式变相强制。",
        "市教育局相关负责人表示，市级财政对课后服务的补助总额不减少，调整拨付方式是为了让经费更多用于实际参加服务的学生。",
        "说明还提到，暂缓执行期间，市教育局将分区召开家长座谈会，听取家长、学校和教师意见，进一步完善收费和减免办法。"};
    private static final String[] RESPONSE_CLOSES = {
        "“我们注意到家长的关切，对前期政策解读不够充分的问题，我们诚恳接受批评。”该负责人说。",
        "市教育局表示，欢迎家长通过政务服务便民热线和局网站留言板继续反映意见。"};

    private static final String[] COMMENTARY_TITLES = {
        "评论：收费调整，沟通要走在前面", "江城时评：暂缓执行之后，更要把账算清楚", "短评：课后服务的账要算给家长听"};
    private static final String[] COMMENTARY_LEADS = {"围绕%s的讨论持续了两天。", "%s从发布到暂缓，只用了两天。"};
    private static final String[] COMMENTARY = {
        "课后服务收费调整引发热议，说明这件事牵动着千家万户。家长在意的不只是多交几百元，更是定价过程是否透明、意见有没有被听到。",
        "教师课后延时工作理应得到合理回报，这一点多数家长并不反对。问题在于，涨幅为何是五成、成本如何构成，通知里没有说清楚。",
        "市教育局两天内作出回应并暂缓执行，值得肯定。但回应不应只是灭火，更要把成本账公开，把座谈会开实。",
        "公共政策出台前多一分沟通，出台后就少一分误解。希望这次调整成为一个契机，让课后服务在规范和可持续之间找到平衡。",
        "减负的初衷是让孩子和家庭都轻松一些。收费标准怎么定，减免怎么落实，每一项都应经得起家长的追问。"};

    private static final String[] WECHAT_INFO_TITLES = {
        "刚刚！江城课后服务收费有调整，家长必看", "收藏｜课后服务新收费标准要点都在这里", "12月1日起，江城课后服务这样收费"};
    private static final String[] WECHAT_INFO_INTROS = {
        "各位家长，最近大家在群里讨论最多的，应该就是课后服务收费这件事了。我们第一时间整理了%s的重点，建议收藏。",
        "这两天后台收到很多留言，都在问同一件事：课后服务费是不是要变了？答案是肯定的，%s已经正式发布。"};
    private static final String[] WECHAT_NEGATIVE_TITLES = {
        "一学期900元，这样的课后服务费你交吗？", "多孩家庭的减半优惠，为什么说停就停？",
        "课后服务涨价五成，家长到底在意什么", "“自愿参加”的课后服务，真的能自愿吗？"};
    private static final String[] WECHAT_NEGATIVE_INTROS = {
        "%s发布后，我们后台的留言很快就上了千条。",
        "先说结论：我们理解老师的辛苦，但对这次%s，我们有几个疑问。"};
    private static final String[] OPINIONS = {
        "涨幅的依据是什么？从600元到900元，涨了整整五成。通知里只写了新标准，没有一句话解释成本是怎么算出来的。",
        "多孩家庭怎么办？原来第二个孩子减半，现在要按困难家庭重新认定。可大多数多孩家庭并不“困难”，只是负担更重，这部分家庭被直接推到了政策外面。",
        "“自愿”能不能真正落地？小学三点半左右放学，双职工家庭几乎没有别的选择。延时托管每月80元单独收，看起来是选项，其实是刚需。",
        "财政补助会不会变相减少？按实际参加人数核拨，听起来更精准，但会不会把成本转给家长？家长需要一个明白的说法。",
        "一位读者在留言里写道：“不是交不起，是不明白为什么不先问问我们。”这句话，可能代表了很多家长的心声。",
        "有读者算了一笔账：两个孩子，基础服务加延时托管，一学期下来要两千多元。对普通工薪家庭来说，这不是一笔小数目。",
        "我们也问了几位老师。他们说，课后服务确实占用了大量休息时间，补助提高是应该的，但不希望因此和家长产生对立。",
        "收费调整涉及千家万户，出台前理应广泛征求意见。可这一次，很多家长是在通知发布之后才知道的。",
        "课后服务的初衷，是解决家长“接娃难”，让孩子在校园里有人管、学得好。如果收费涨了，服务内容却没有变化，家长自然会有意见。",
        "还有家长担心，“各校不得超出标准”最后会不会变成“各校都按最高标准收”？这种担心并不多余。"};
    private static final String[] WECHAT_RESPONSE_TITLES = {
        "关于课后服务收费，教育局最新回应来了", "暂缓执行！课后服务收费有新消息", "重要｜课后服务收费调整情况说明要点梳理"};
    private static final String[] WECHAT_RESPONSE_INTROS = {
        "好消息！刚刚，江城市教育局就%s发布了情况说明。",
        "这几天大家最关心的事情有了回音。11月22日上午，江城市教育局就%s作出说明，重点如下。"};
    private static final String[] WECHAT_MIXED_TITLES = {"暂缓执行之后，我们还想问三个问题", "课后服务收费暂缓：值得点赞，也需要下文"};
    private static final String[] WECHAT_MIXED_INTROS = {
        "%s暂缓执行的消息出来后，不少读者在后台说“总算松了一口气”。不过，也有一些问题值得继续追问。"};
    private static final String[] MIXED = {
        "首先要肯定的是回应速度。从通知发布到作出说明，前后只用了两天，暂缓执行和召开座谈会，说明家长的声音被听到了。",
        "但涨幅本身并没有得到解释。900元是上限，各校可以下浮，那么实际会定多少、依据是什么，家长仍然不清楚。",
        "多孩家庭“可以继续申请减免”，可申请条件、需要哪些材料，说明里没有细化。希望后续尽快出台具体办法。",
        "座谈会怎么开、谁能参加、意见如何反馈，也值得公开。别让座谈会变成走过场。",
        "还有一点常被忽略：暂缓不等于取消。到了明年春季学期，新标准是否调整、怎么调整，需要在座谈会之后给出明确答复。",
        "说明里提到市级财政补助总额不减少。如果能把补助怎么分、分到哪里公开出来，相信家长的疑虑会少很多。",
        "对学校来说，暂缓期间课后服务照常开展，老师的付出同样需要保障。家长的诉求和老师的权益，并不矛盾。"};
    private static final String[] OUTROS_INFO = {
        "以上信息以官方发布为准，具体缴费安排请留意学校通知。", "觉得有用的话，记得转发给身边的家长朋友。"};
    private static final String[] OUTROS_OPINION = {
        "你怎么看这次调整？欢迎在留言区说说你的想法。", "理性表达，才能被更好地听见。欢迎留言。", "你家孩子参加课后服务吗？留言区聊聊。"};

    private static final ArticleTheme[] NOISE = {
        new ArticleTheme(new String[] {"冷空气南下 江城本周后期最低气温降至12℃", "江城迎来入冬首轮降温 气象部门提醒注意添衣"},
                new String[] {"降温预警！江城本周最低气温降至12℃", "冷空气到货，这份江城出行提示请收好"},
                new String[] {
                    "记者从江城市气象台获悉，受新一股冷空气影响，本周五至周日我市将出现明显降温，最低气温降至12℃左右，早晚体感偏凉，部分山区还可能出现轻微霜冻。",
                    "气象部门提醒，降温期间昼夜温差较大，市民要及时增添衣物，老人和儿童要注意防寒保暖，有慢性病的市民外出时要做好防护。",
                    "受冷暖空气交汇影响，江面及沿海地区早晨可能出现大雾，能见度较低，驾车和乘坐轮渡出行请留意交通信息，合理安排出行时间。",
                    "预计下周初冷空气减弱，气温将逐步回升，全市以多云天气为主，适宜开展户外活动。气象台将视天气变化及时发布预警信息。",
                    "据统计，今年秋季我市平均气温较常年偏高1.2℃，此次冷空气过后，全市将正式进入气象意义上的冬季。",
                    "另据了解，近期我市空气湿度较低，森林火险等级有所上升，请市民进山游玩时不要携带火种，共同守护绿水青山。"}),
        new ArticleTheme(new String[] {"主场逆转取胜 江城队联赛排名升至第三", "江城队2比1逆转东岭队 门将扑点立功"},
                new String[] {"燃！江城队主场逆转，两万球迷见证", "一夜之间，江城队升到联赛第三了"},
                new String[] {
                    "昨晚，江城队在江城体育中心迎战来访的东岭队，在先失一球的情况下连入两球，以2比1逆转取胜，取得近五轮比赛的第四场胜利。",
                    "比赛第80分钟，江城队中场球员一脚远射破门，帮助球队反超比分。门将上半场还扑出一个点球，赛后被评为全场最佳球员。",
                    "本场比赛吸引了两万余名球迷到场观赛。不少球迷表示，球队近期状态回暖，年轻球员也逐渐站稳了脚跟，希望能保持住势头。",
                    "凭借这场胜利，江城队积分升至联赛第三位。下一轮，球队将客场挑战积分榜领头羊，主教练表示全队会认真准备每一场比赛。",
                    "赛后，主教练在新闻发布会上表示，球队下半场调整了阵型、加强了边路进攻，“球员们执行得很好，这场胜利属于每一位到场的球迷。”",
                    "值得一提的是，本场比赛首次启用了新的电子票务系统，球迷入场时间比以往缩短了一半，现场秩序井然。"}),
        new ArticleTheme(new String[] {"江城美食节本周末开幕 百余家老字号集中亮相", "第五届江城美食节将启 今年首设夜间市集"},
                new String[] {"周末去哪儿｜江城美食节开幕，这份攻略请收好", "吃货集合！百余家老字号本周末江滨广场见"},
                new String[] {
                    "第五届江城美食节将于本周六在江滨广场开幕，为期三天，百余家本地老字号和特色小吃店将集中亮相，现场还有非遗手工艺展示。",
                    "主办方介绍，今年美食节设置了早茶、粉面、糖水和海鲜四个主题区，并首次开设夜间市集，营业时间延长至晚上十点。",
                    "为缓解停车压力，活动期间周边将增设临时停车点，并加密途经江滨广场的公交班次，主办方建议市民尽量选择绿色出行。",
                    "不少市民已经开始“做功课”。家住老城区的一位市民说，每年都会带家人去逛，最期待的是现场制作的牛腩粉和双皮奶。",
                    "据了解，本届美食节还将评选“江城十大特色小吃”，市民可通过现场投票和线上投票参与评选，结果将在闭幕当天公布。",
                    "主办方提醒，活动期间人流量较大，请市民看管好随身物品，带孩子的家长要注意看护，文明排队、有序就餐。"}),
        new ArticleTheme(new String[] {"江北大桥夜间封闭施工 市民出行请提前规划路线", "江北大桥将进行为期两周的夜间维护"},
                new String[] {"注意！江北大桥夜间封闭两周，绕行路线看这里", "出行提醒｜这两周晚上过江，请换条路"},
                new String[] {
                    "记者从市交通运输部门获悉，为开展桥面维护作业，江北大桥将于11月23日至12月6日每晚22时至次日6时封闭施工，白天正常通行。",
                    "施工期间，过江车辆可经江南大桥或滨江隧道绕行，部分夜间公交线路将临时调整走向，具体以公交站点张贴的公告为准。",
                    "交通部门提醒，施工路段设有警示标志和隔离设施，途经车辆请减速慢行、服从现场指挥，夜间骑行的市民也要注意安全。",
                    "据介绍，本次维护主要包括更换伸缩缝和修补桥面铺装，这也是大桥通车以来规模较大的一次养护，完工后通行舒适度将进一步提升。",
                    "市交通运输部门表示，施工期间将在大桥两端安排专人值守，并通过交通广播、导航软件等渠道实时发布路况信息，方便市民提前规划路线。",
                    "另外，受施工影响，滨江路部分路段夜间车流可能增加，交警部门将在高峰时段加派警力，疏导过江车流。"})};
    /** How a local WeChat account opens and closes an article off the policy. */
    static final String[] NOISE_INTROS = {"先转给家里人看看。", "大家好，今天给大家带来一条实用信息。", "本地人都在关注的消息来了。"};
    static final String[] NOISE_OUTROS = {"转给需要的朋友吧！", "你怎么看？留言区聊聊。", "关注我们，获取更多江城本地资讯。"};

    private final ScenarioText text;
    private final Random rnd;

    ScenarioArticles(ScenarioText text, Random rnd) {
        this.text = text;
        this.rnd = rnd;
    }

    Article news(Kind kind, Mention mention, boolean afterResponse) {
        String doc = text.articleDoc(mention);
        return switch (kind) {
            case INFO -> new Article(text.pick(INFO_TITLES), fitNews(lead(INFO_LEADS, doc),
                    List.of(text.pick(FEES), text.pick(EXEMPT)), INFO_EXTRA, ""));
            case EXPLAINER -> new Article(text.pick(EXPLAINER_TITLES), fitNews(lead(EXPLAINER_LEADS, doc),
                    List.of(afterResponse ? QUESTION_AFTER : QUESTION_BEFORE), QUESTIONS, ""));
            case REACTION -> new Article(text.pick(REACTION_TITLES), fitNews(lead(REACTION_LEADS, doc),
                    List.of(), VOICES, text.pick(REACTION_CLOSES)));
            case RESPONSE -> new Article(text.pick(RESPONSE_TITLES), fitNews(lead(RESPONSE_LEADS, doc),
                    List.of(), RESPONSE_POINTS, text.pick(RESPONSE_CLOSES)));
            case COMMENTARY -> new Article(text.pick(COMMENTARY_TITLES), fitNews(lead(COMMENTARY_LEADS, doc),
                    List.of(), COMMENTARY, ""));
            case NOISE -> news(NOISE);
            default -> throw new IllegalArgumentException("no news of kind " + kind);
        };
    }

    Article wechat(Kind kind, Mention mention) {
        String doc = text.articleDoc(mention);
        String outro = text.pick(kind == Kind.INFO || kind == Kind.RESPONSE ? OUTROS_INFO : OUTROS_OPINION);
        return switch (kind) {
            case INFO -> new Article(text.pick(WECHAT_INFO_TITLES), fitWechat(lead(WECHAT_INFO_INTROS, doc),
                    List.of(text.pick(FEES), text.pick(EXEMPT)), ScenarioText.concat(INFO_EXTRA, QUESTIONS), outro));
            case NEGATIVE -> new Article(text.pick(WECHAT_NEGATIVE_TITLES),
                    fitWechat(lead(WECHAT_NEGATIVE_INTROS, doc), List.of(), OPINIONS, outro));
            case RESPONSE -> new Article(text.pick(WECHAT_RESPONSE_TITLES),
                    fitWechat(lead(WECHAT_RESPONSE_INTROS, doc), List.of(),
                            ScenarioText.concat(RESPONSE_POINTS, RESPONSE_CLOSES), outro));
            case MIXED -> new Article(text.pick(WECHAT_MIXED_TITLES),
                    fitWechat(lead(WECHAT_MIXED_INTROS, doc), List.of(), MIXED, outro));
            case NOISE -> {
                ArticleTheme theme = NOISE[rnd.nextInt(NOISE.length)];
                yield new Article(text.pick(theme.wechatTitles()), text.fit(text.pick(NOISE_INTROS),
                        List.of(theme.paragraphs()), List.of(), text.pick(NOISE_OUTROS), 300, 1000, "\n"));
            }
            default -> throw new IllegalArgumentException("no WeChat article of kind " + kind);
        };
    }

    /** A news report on one of these off-topic subjects, led by its first paragraph. */
    Article news(ArticleTheme[] themes) {
        ArticleTheme theme = themes[rnd.nextInt(themes.length)];
        return new Article(text.pick(theme.newsTitles()), fitNews(theme.paragraphs()[0], List.of(), theme.paragraphs(), ""));
    }

    private String lead(String[] leads, String doc) {
        return String.format(text.pick(leads), doc);
    }

    /** A news report: one to three of the optional paragraphs after the fixed ones, 200–800 characters. */
    private String fitNews(String head, List<String> fixed, String[] optional, String tail) {
        return text.article(head, fixed, optional, 1 + rnd.nextInt(3), tail, 200, 800);
    }

    /** A WeChat article: two to five of the optional paragraphs after the fixed ones, 300–1000 characters. */
    private String fitWechat(String head, List<String> fixed, String[] optional, String tail) {
        return text.article(head, fixed, optional, 2 + rnd.nextInt(4), tail, 300, 1000);
    }
}
