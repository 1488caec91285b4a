package org.yqsentinel.simulator;

/**
 * The wording of an unrelated hot topic in the policy's city: a bus and a muck truck (渣土车) collide
 * on 江北大道, with deaths, official updates and much anger. It must never be blamed on the policy, so
 * none of its texts names the policy or uses its distinctive words (课后, 收费, 托管, 家长, 学校, 教育…).
 */
final class HotTopicText {

    private static final String[] TAGS = {"#江城公交车与渣土车相撞#", "#江北大道车祸#", "#渣土车#", "#江城12路公交#"};
    private static final String[] OPENERS = {
        "江北大道公交车祸的视频看了，", "关于江北大道这起车祸，", "刚看到12路公交事故的通报，", "滨江路口又出事了，",
        "12路公交被渣土车撞了，", "看到江北大道的事故现场照片，", "江北大道这场车祸，", "江城这起公交车祸，",
        "又是渣土车！", "12路公交的事故，"};
    private static final String[] BODY_NEGATIVE = {
        "渣土车在市区横冲直撞多少年了，每次出了事才整治，太气人了！",
        "视频看得我腿都软了，车头整个被撞烂，太惨了。",
        "司机闯红灯还超速，这种人必须严惩！",
        "每天坐12路上班，想想都后怕。",
        "那个路口早就有人反映过是事故黑点，为什么一直没人管？",
        "两条人命啊，心痛，愿伤者平安。",
        "渣土车白天进城到底是谁批的？监管部门失职！",
        "事故现场一地碎玻璃，公交车侧面完全变形，太可怕了。",
        "无良运输公司为了赶工期拼命超载超速，害人害己。",
        "强烈要求公开调查结果，给遇难者家属一个交代！",
        "以后还敢坐公交吗？心里真的很难受。",
        "这已经是今年第三起渣土车事故了，相关部门在干什么？",
        "现场有人说刹车声响了很久，太恐怖了。",
        "路过现场，救护车来了好几辆，心里堵得慌。",
        "渣土车司机疲劳驾驶的问题说了多少年了，还是老样子，失望。",
        "出门上个班都可能回不了家，这种不安全感太糟糕了。",
        "看到伤者家属在医院门口哭，太难受了。",
        "整治喊了一年又一年，渣土车还是想开多快开多快，愤怒！"};
    private static final String[] CLOSE_NEGATIVE = {
        "必须严查！", "一定要追责到底！", "愿逝者安息。", "希望不要再有下一次。", "太让人愤怒了。", "渣土车管管吧！"};
    private static final String[] EMO_NEGATIVE = {"[泪]", "[怒]", "[蜡烛]", "[悲伤]", "[伤心]", "[抓狂]"};

    private static final String[] OFFICIAL_HEADLINES = {
        "【江北大道发生一起公交车与渣土车相撞事故】", "【12路公交事故最新情况】", "【江北大道车祸最新消息】"};
    private static final String[] FACTS = {
        "江城12路公交车在江北大道与滨江路交叉口与一辆渣土车相撞。",
        "事故已造成2人死亡、11人受伤，伤者已全部送医救治。",
        "渣土车司机已被警方控制，事故原因正在进一步调查中。",
        "受事故影响，江北大道往滨江方向临时封闭，请过往车辆绕行。",
        "12路公交临时改经人民路绕行。",
        "市第一人民医院已开通绿色通道全力救治伤者。",
        "市中心血站呼吁O型血市民就近献血。",
        "市政府已成立事故处置工作组，开展善后工作。",
        "全市将开展渣土运输车辆安全专项整治。"};
    private static final String[] OPEN_INFO = {"转需：", "路过的提醒一下，", "出行提醒：", "看到官方通报了，", "扩散一下，"};
    private static final String[] BODY_INFO = {
        "江北大道往滨江方向封闭了，开车的朋友绕人民路吧。",
        "12路公交现在改经人民路，站台上贴了告示。",
        "血站在呼吁O型血献血，就在市第一人民医院旁边。",
        "现场交警在疏导，车流排到了江北大桥。",
        "官方通报出来了：2人死亡、11人受伤，司机已被控制。",
        "伤者都送到市第一人民医院和市中医院了。"};
    private static final String[] BODY_QUESTION = {
        "请问12路现在怎么绕行？", "江北大道什么时候能恢复通行？", "去市第一人民医院献血要带身份证吗？", "有人知道伤者现在情况怎么样了吗？"};
    private static final String[] BODY_POSITIVE = {
        "事故发生后好几个路人冲上去帮忙抬人，好人一生平安。",
        "血站门口排起了长队，这座城市还是很温暖。",
        "医护人员第一时间赶到，为他们的专业点赞。",
        "出租车司机自发免费送伤者家属去医院，暖心。"};
    private static final String[] EMO_INFO = {"", "[蜡烛]", "[思考]"};
    private static final String[] EMO_POSITIVE = {"[心]", "[赞]", "[good]", "[蜡烛]"};

    private static final String[] REPOST_NEGATIVE = {
        "愿伤者平安[蜡烛]", "太可怕了[泪]", "渣土车必须严管[怒]", "转发微博", "扩散", "严查！", "心痛[伤心]", "一定要追责[怒]"};
    private static final String[] REPOST_INFO = {"扩散", "转需", "转发微博", "出行注意"};

    private static final String[] NEWS_TITLES_INFO = {
        "江北大道一公交车与渣土车相撞 已致2死11伤", "江城交警通报12路公交车事故：渣土车司机已被控制",
        "12路公交事故伤者救治进展：多人脱离危险", "江北大道事故路段恢复通行 12路公交恢复原线路"};
    private static final String[] NEWS_LEADS_INFO = {
        "记者从江城市公安局交警支队获悉，江城12路公交车与一辆渣土车在江北大道与滨江路交叉口相撞，事故已造成2人死亡、11人受伤。",
        "江北大道公交车与渣土车相撞事故发生后，市委市政府高度重视，第一时间组织力量开展救援。"};
    private static final String[] REPORT = {
        "据交警部门通报，事发时渣土车由北向南行驶，在路口与正常通行的12路公交车侧面相撞，公交车被撞后冲上隔离带。",
        "事故发生后，消防、急救人员迅速赶到现场救援，伤者被分别送往市第一人民医院和市中医院救治，其中3人伤势较重。",
        "渣土车司机已被警方控制，涉事运输公司负责人已被约谈，事故原因正在进一步调查中。",
        "受事故影响，江北大道往滨江方向一度封闭，交警部门在周边路口安排警力疏导交通。",
        "市应急管理局表示，将在全市开展渣土运输车辆安全专项整治，严查超速、超载、闯红灯等违法行为。",
        "市中心血站当天接待了数百名自发前来献血的市民。"};
    private static final String[] GUIDE = {
        "据交警部门通报，事发时渣土车由北向南行驶，在路口与正常通行的12路公交车侧面相撞，公交车被撞后冲上隔离带。",
        "事故发生后，消防、急救人员迅速赶到现场救援，伤者被分别送往市第一人民医院和市中医院救治，其中3人伤势较重。",
        "渣土车司机已被警方控制，涉事运输公司负责人已被约谈，事故原因正在进一步调查中。",
        "出行提醒：江北大道往滨江方向目前仍有车辆排队，驾车前往滨江、江北大桥方向的市民，建议提前绕行人民路或滨江隧道。",
        "12路公交临时改经人民路绕行，途经江北大道的其他公交线路也有改线，具体以站台告示为准。",
        "市中心血站提醒，献血前一晚请保证充足睡眠，不要空腹，献血时请携带身份证件。",
        "市第一人民医院开通了伤者家属咨询电话，家属也可前往门诊楼一楼咨询台登记。"};
    private static final String[] NEWS_TITLES_NEGATIVE = {
        "渣土车事故频发 市民痛斥监管缺位", "“马路杀手”为何屡禁不止？江北大道事故引发市民愤怒", "两死十一伤！渣土车肇事再敲警钟"};
    private static final String[] NEWS_LEADS_NEGATIVE = {
        "江北大道公交车与渣土车相撞事故造成2人死亡、11人受伤，连日来，市民的愤怒和质疑持续发酵。",
        "又是渣土车！江北大道这起造成两死十一伤的惨烈事故，让不少市民愤怒不已。"};
    private static final String[] ANGER = {
        "事故视频在网上流传后，引发市民强烈愤慨。不少网友痛斥渣土车长期超速、闯红灯，“每次出了事才整治，太让人失望了。”",
        "家住附近的王先生说，这个路口是出了名的事故黑点，“渣土车白天也横冲直撞，我们反映过多次，一直没人管。”",
        "据不完全统计，今年以来我市已发生三起渣土车致人死亡事故，市民对运输企业和监管部门的质疑声不断。",
        "一位目击者回忆，事发时刹车声和撞击声非常刺耳，公交车侧面严重变形，车内乘客哭喊声一片，“场面太惨了，我现在想起来还发抖。”",
        "有市民质疑，涉事渣土车是否存在超载和疲劳驾驶，运输公司的安全管理是否形同虚设，“必须严查到底，给遇难者一个交代。”",
        "每天乘坐12路公交上班的李女士说，得知事故后一整晚没睡好，“以后还敢不敢坐公交，心里真的很害怕。”",
        "渣土车超速、超载、闯红灯，几乎是每个城市的顽疾。但一次次血的教训之后，整治总是一阵风，风头一过又回到老样子。",
        "涉事车辆有没有按规定线路和时段行驶？车辆有没有安装限速和盲区监测设备？这些问题必须查清楚，不能再糊弄过去。"};
    private static final String[] NEWS_CLOSES = {"事故原因仍在进一步调查中，本报将持续关注。", "市民们希望，有关部门能彻底整治渣土车乱象。"};
    private static final String[] WECHAT_TITLES_INFO = {"突发！江北大道公交车与渣土车相撞", "12路公交事故最新消息汇总", "江北大道车祸后，这些出行信息请收好"};
    private static final String[] WECHAT_INTROS_INFO = {
        "关于江北大道公交车与渣土车相撞事故，目前已知的信息如下。", "江北大道发生一起公交车与渣土车相撞事故，我们整理了最新情况。"};
    private static final String[] WECHAT_TITLES_NEGATIVE = {
        "渣土车这个“马路杀手”，到底谁来管？", "江北大道车祸：两条人命，不能白白失去", "又是渣土车！这一次必须追责到底"};
    private static final String[] WECHAT_INTROS_NEGATIVE = {
        "江北大道的这起车祸让整座城市心痛。", "江北大道的事故视频，很多人看了都说不敢再看第二遍。", "两死十一伤，这是江北大道上刚刚发生的惨剧。"};
    private static final String[] WECHAT_OUTROS = {
        "愿逝者安息，伤者早日康复。", "转发让更多人关注渣土车安全。", "你在路上遇到过渣土车危险驾驶吗？留言区说说。"};

    /** The phrases, for {@link AccidentText}. */
    static final AccidentPhrases PHRASES = new AccidentPhrases(TAGS, OPENERS, BODY_NEGATIVE, CLOSE_NEGATIVE, EMO_NEGATIVE, OFFICIAL_HEADLINES, FACTS, OPEN_INFO, BODY_INFO, BODY_QUESTION, BODY_POSITIVE, EMO_INFO, EMO_POSITIVE, REPOST_NEGATIVE, REPOST_INFO, NEWS_TITLES_INFO, NEWS_LEADS_INFO, REPORT, GUIDE, NEWS_TITLES_NEGATIVE, NEWS_LEADS_NEGATIVE, ANGER, NEWS_CLOSES, WECHAT_TITLES_INFO, WECHAT_INTROS_INFO, WECHAT_TITLES_NEGATIVE, WECHAT_INTROS_NEGATIVE, WECHAT_OUTROS);

    private HotTopicText() {}
}
