package org.yqsentinel.simulator;

import java.util.List;
import java.util.Random;
import org.yqsentinel.simulator.ScenarioArticles.Article;
import org.yqsentinel.simulator.ScenarioArticles.ArticleTheme;
import org.yqsentinel.simulator.ScenarioText.Kind;
import org.yqsentinel.simulator.ScenarioText.Mention;
import org.yqsentinel.simulator.SimulatedPost.Stance;

/**
 * The background of a simulation: everyday posts of the city that are not about the policy — weather,
 * food, football, weekends, the metro, city services (a parking fee among them, so that 收费 alone does
 * not make a post about the school fee), pets, culture, running, office life. Stance does not change them.
 */
final class EverydayText implements TopicText {

    /** A Weibo theme: its topic tag, sentences a post takes two or three of, the emoticons it ends with. */
    private record Theme(String tag, String[] sentences, String[] emoticons) {}

    private static final Theme[] THEMES = {
        new Theme("#江城天气#", new String[] {
            "明天起冷空气南下，最低气温降到12度左右。", "早晚温差大，出门记得带件外套。", "周末以多云为主，适合出门走走。",
            "今早江边起了大雾，轮渡停了半个多小时。", "终于不用开空调了，秋天总算来了。", "晒被子的好天气，阳台上全是太阳的味道。",
            "天气预报说下周还有一波降温，秋裤准备好了。", "傍晚的晚霞太美了，整个江面都是粉色的。"},
            new String[] {"[哈哈]", "[太开心]", "[围观]", "[酷]", ""}),
        new Theme("#江城美食#", new String[] {
            "老城区新开的牛腩粉排了半小时队，汤底确实鲜。", "就是分量小了点，下次要加粉。", "夜市的炒田螺还是熟悉的味道。",
            "糖水铺老板说下个月要搬到新街口。", "朋友推荐的烧鹅饭，皮脆肉嫩，二十五块一份。", "周末早茶三个人吃了一百出头，虾饺皇必点。",
            "新开的咖啡店豆子是自己烘的，拿铁很顺。", "江边那家大排档的椒盐濑尿虾，一盘不够吃。"},
            new String[] {"[馋嘴]", "[哈哈]", "[good]", "[爱你]"}),
        new Theme("#江城队#", new String[] {
            "主场二比一逆转，最后十分钟那脚远射太漂亮了！", "门将今天扑出一个点球，状态神勇。", "下一轮客场，希望保持住。",
            "现场两万多人一起唱队歌，鸡皮疙瘩都起来了。", "新援的突破真有东西，边路打活了。", "裁判那个点球判得有点迷，不过赢了就好。",
            "散场地铁加开了班次，回家很顺。", "联赛第三了，今年冲一冲亚冠资格！"},
            new String[] {"[鼓掌]", "[给力]", "[哈哈]", "[威武]"}),
        new Theme("#周末去哪儿#", new String[] {
            "湿地公园的芦苇开了，拍照特别出片。", "带娃去江滨公园放风筝，天气好到不想回家。", "图书馆新开了亲子阅读区，周末人不少。",
            "骑行绿道全程二十公里，中途有补给点。", "古镇的夜景比白天好看，灯笼一挂很有味道。", "植物园的菊花展开幕了，品种比去年多。",
            "去郊外摘了一下午橘子，二十块钱一斤还挺甜。", "海边露营的人比想象中多，帐篷都扎满了。"},
            new String[] {"[太开心]", "[哈哈]", "[心]", "[good]"}),
        new Theme("#江城地铁#", new String[] {
            "地铁3号线早高峰又挤成沙丁鱼了。", "新开的5号线直通机场，终于不用打车了。", "换乘站的指引做得挺清楚，第一次坐也没走错。",
            "今天地铁信号故障晚了十分钟，全车人都在看表。", "听说明年底6号线要通到江北新区。", "车厢里有人外放短视频，整节车都能听见。",
            "早上七点半的地铁居然有座，今天运气不错。", "站台新装了空调，等车舒服多了。"},
            new String[] {"[汗]", "[哈哈]", "[doge]", "[摊手]", ""}),
        new Theme("#江城生活#", new String[] {
            "老城区路边停车开始分时段收费了，白天每小时6元。", "燃气公司上门安全检查，十分钟就搞定了。", "社区新装了充电桩，电动车再也不用拉线了。",
            "12345热线反映的路灯问题，三天就修好了。", "新街口的菜市场翻新了，干净了好多。", "小区门口的共享单车终于有人整理了。",
            "水费账单出来了，这个月用水有点多。", "政务中心办社保卡，线上预约后二十分钟就办好。"},
            new String[] {"[good]", "[赞]", "[思考]", ""}),
        new Theme("#萌宠#", new String[] {
            "家里的橘猫又胖了两斤，医生让它减肥。", "遛狗遇到一只柯基，两只狗聊得比我们还开心。", "猫主子今天把花盆推下了桌子，还一脸无辜。",
            "小区里新来的流浪猫被邻居们喂得圆滚滚的。", "给狗子洗了个澡，吹干花了一个小时。", "宠物医院打疫苗排了一上午队。",
            "猫咪晒太阳的样子太治愈了。", "狗子学会了自己开门，不知道是好事还是坏事。"},
            new String[] {"[可爱]", "[哈哈]", "[心]", "[爱你]"}),
        new Theme("#江城文化#", new String[] {
            "体育中心的演唱会抢票五分钟就没了。", "博物馆新展是岭南古陶瓷，周末去看了两个小时。", "图书馆新开了24小时自助阅览室，环境很好。",
            "江滨的灯光秀今晚加演一场。", "话剧团新排的戏口碑不错，周六还有票。", "老街上的粤剧社每周三晚上免费唱戏，街坊们都来听。",
            "书展最后一天，淘到几本绝版旧书。", "美术馆的摄影展拍的全是老江城，看得很有感触。"},
            new String[] {"[鼓掌]", "[哈哈]", "[good]", "[太开心]"}),
        new Theme("#江城马拉松#", new String[] {
            "江城马拉松报名开始了，半马名额一小时就满了。", "今早沿江跑了十公里，配速终于进六了。", "绿道新装了饮水点，跑步的人越来越多。",
            "健身房年卡打折，办完卡发现自己去了三次。", "下班打了两小时羽毛球，全身都是汗。", "周末骑行去了湿地公园，来回四十公里。",
            "体育公园的篮球场晚上灯一直开到十点。", "跑团今天约了江北大桥来回，风有点大。"},
            new String[] {"[good]", "[酷]", "[哈哈]", "[给力]"}),
        new Theme("#打工人#", new String[] {
            "周一的早会开了两个小时，咖啡续了三杯。", "加班到九点，楼下便利店的关东煮救了我。", "年终总结写了三天还没写完。",
            "新来的同事是江北人，午饭终于有人一起吃辣了。", "公司楼下新开了一家面包店，下午茶有着落了。", "打工人的快乐就是周五下午五点半。",
            "今天通勤路上听完了一整本有声书。", "工位旁边的绿萝长疯了，同事都来剪枝。"},
            new String[] {"[摊手]", "[哈哈]", "[汗]", "[doge]"})};

    private static final ArticleTheme[] ARTICLE_THEMES = {
        new ArticleTheme(new String[] {"地铁5号线今日开通 江城迈入“五线时代”", "5号线开通首日客流超十万人次"},
                new String[] {"5号线开通！这份乘车攻略请收好", "坐上5号线，去机场只要35分钟"},
                new String[] {
                    "江城地铁5号线今天上午正式开通运营。线路全长32公里，设站21座，连接老城区、高铁站和机场，是我市第五条地铁线路。",
                    "5号线开通后，从市中心到机场的时间由原来的一个多小时缩短至35分钟左右，早晚高峰最小行车间隔为4分钟。",
                    "开通首日，不少市民专程前来“打卡”。家住江北的刘先生说，以后去机场不用再打车，又快又省钱。",
                    "据介绍，5号线共有6座换乘站，乘客可在新街口站、高铁站等站点换乘1号线、3号线等线路。",
                    "地铁运营方提醒，开通初期客流较大，请乘客有序排队、先下后上，携带大件行李的乘客尽量避开高峰时段。",
                    "按照规划，6号线预计明年底建成通车，届时江北新区将接入地铁网络。"}),
        new ArticleTheme(new String[] {"江城马拉松本周日开跑 三万名选手报名", "江城马拉松周日鸣枪 部分道路临时管制"},
                new String[] {"马拉松来了！周日这些路段要绕行", "三万人同跑，江城马拉松观赛指南来了"},
                new String[] {
                    "2026江城马拉松将于本周日早上7点30分在市民广场鸣枪开跑，设全程、半程和健康跑三个项目，共有三万名选手报名参赛。",
                    "赛道沿江而行，途经江滨公园、江北大桥和湿地公园，被不少跑友称为“最美滨江赛道”。",
                    "比赛期间，沿线道路将分时段实施交通管制，市民出行请提前规划路线，尽量选择地铁出行。",
                    "组委会在沿线设置了20个补给站和12个医疗点，并配备了医疗志愿者和自动体外除颤器。",
                    "跑友陈先生已经连续五年参加江城马拉松，他说今年的目标是跑进三个半小时。",
                    "主办方提醒，参赛选手要根据自身情况量力而行，赛前保证充足睡眠，出现身体不适及时停止比赛。"}),
        new ArticleTheme(new String[] {"老城区路边停车下月起分时段收费", "路边停车新规：首半小时免费 高峰时段每小时6元"},
                new String[] {"停车新规来了！老城区这些路段要注意", "下个月起，老城区路边停车这样算钱"},
                new String[] {
                    "记者从市交通运输局获悉，下月起老城区主要道路的路边停车位将实行分时段收费，首半小时免费，白天高峰时段每小时6元。",
                    "新规覆盖老城区人民路、新街口、滨江路等28条道路的约3000个路边停车位，夜间22时至次日7时免费停放。",
                    "交通部门表示，调整的目的是提高车位周转率，缓解老城区停车难，鼓励短时停放和绿色出行。",
                    "市民可通过“江城停车”小程序查询空余车位、在线缴费，逾期未缴的将通过短信提醒补缴。",
                    "不少车主表示支持，认为以往路边车位长期被“僵尸车”占用，分时段计费后找车位会容易一些。",
                    "也有市民建议，在老城区周边增加公共停车场和换乘停车点，方便开车进城的市民停车换乘。"}),
        new ArticleTheme(new String[] {"流感进入高发期 专家提醒及时接种疫苗", "我市流感疫苗接种点增至120个"},
                new String[] {"流感来了！这份防护指南请收好", "发烧咳嗽别硬扛，流感季这样防护"},
                new String[] {
                    "随着气温下降，我市已进入流感高发期。市疾控中心监测数据显示，近两周流感样病例就诊比例明显上升。",
                    "疾控专家提醒，接种流感疫苗是预防流感最有效的手段，老年人、慢性病患者等重点人群尤其要及时接种。",
                    "目前全市共有120个流感疫苗接种点，市民可通过“健康江城”公众号预约，就近接种。",
                    "专家建议，日常要勤洗手、常通风，咳嗽打喷嚏时注意遮挡口鼻，尽量避免前往人员密集的场所。",
                    "如出现发热、咳嗽、肌肉酸痛等症状，应及时就医，不要自行服用抗生素。",
                    "据了解，市内各大医院已增开发热门诊诊室，并延长了夜间门诊的服务时间。"})};

    private final ScenarioText words;
    private final ScenarioArticles reports;
    private final Random rnd;

    EverydayText(ScenarioText words, ScenarioArticles reports, Random rnd) {
        this.words = words;
        this.reports = reports;
        this.rnd = rnd;
    }

    @Override
    public String weibo(Stance stance, boolean institutional) {
        Theme theme = THEMES[rnd.nextInt(THEMES.length)];
        List<String> sentences = words.shuffled(theme.sentences());
        String head = rnd.nextDouble() < 0.6 ? theme.tag() : "";
        return words.fit(head, sentences.subList(0, 1 + rnd.nextInt(3)), sentences, words.pick(theme.emoticons()), 24, 180, "");
    }

    @Override
    public String repostComment(Stance stance) {
        return words.pick("转发微博", "哈哈哈", "真的", "码住", "同款", "太对了");
    }

    /** Half the demo episode's off-topic reports (weather, football, food festival, bridge works), half this class's. */
    @Override
    public Article news(Stance stance) {
        return rnd.nextBoolean() ? reports.news(Kind.NOISE, Mention.NONE, false) : reports.news(ARTICLE_THEMES);
    }

    @Override
    public Article wechat(Stance stance) {
        ArticleTheme theme = ARTICLE_THEMES[rnd.nextInt(ARTICLE_THEMES.length)];
        return new Article(words.pick(theme.wechatTitles()),
                words.article(words.pick(ScenarioArticles.NOISE_INTROS), theme.paragraphs(), 3 + rnd.nextInt(3),
                        words.pick(ScenarioArticles.NOISE_OUTROS), 200, 1000));
    }
}
