package org.yqsentinel.simulator;

/**
 * The wording of an emergency in the policy's city: a tunnel of the metro line under construction in 江北新区 collapses,
 * three workers are trapped, and the city follows the rescue with fear and anger, in many wordings (塌了, 坍塌, 塌方,
 * 被困, 救援…). None of its texts names the policy or uses its distinctive words (课后, 收费, 托管, 家长, 学校, 教育…).
 */
final class EmergencyText {

    private static final String[] TAGS = {"#江北新区隧道坍塌#", "#地铁6号线工地塌方#", "#江城工人被困#", "#隧道救援#"};
    private static final String[] OPENERS = {
        "江北新区那个隧道塌了，", "地铁6号线工地出事了，", "看到隧道坍塌的消息，", "江北新区又出事了，", "隧道塌方的视频看了，",
        "听说6号线施工的隧道塌了，", "关于江北新区这起塌方，", "工地隧道坍塌，", "新区地铁工地塌方，", "隧道里还有工人被困，"};
    private static final String[] BODY_NEGATIVE = {
        "施工方赶工期不顾安全，出了事谁负责？", "工人还被困在里面，心都揪起来了。", "之前就有人反映那段路面下沉，为什么没人管？",
        "地铁工地的安全监管到底在干什么？", "拿工人的命赶进度，太可恨了！", "塌方前两天就有裂缝了，这是人祸！",
        "被困的工人家属在工地门口哭，看得人心疼。", "每天从那里路过，想想都后怕。", "必须查清楚是谁签字让他们继续施工的！",
        "层层转包的工程，安全全靠运气吗？", "三个人还没找到，救援一定要快啊。", "这种事故一次都不该发生，严查到底！",
        "新区建设再快也不能拿人命换。", "施工单位第一时间瞒报，太恶劣了。"};
    private static final String[] CLOSE_NEGATIVE = {"必须追责！", "严查施工方！", "祈祷被困工人平安。", "不能再有下一次。", "太气人了。"};
    private static final String[] EMO_NEGATIVE = {"[泪]", "[怒]", "[祈祷]", "[悲伤]", "[伤心]", "[抓狂]"};

    private static final String[] OFFICIAL_HEADLINES = {
        "【江北新区一在建地铁隧道发生坍塌】", "【地铁6号线隧道坍塌救援最新进展】", "【江北新区隧道塌方事故通报】"};
    private static final String[] FACTS = {
        "江城地铁6号线江北新区段一处在建隧道发生局部坍塌。",
        "事故发生时3名工人在隧道内作业，目前被困，救援正在进行。",
        "消防、应急、地铁建设等部门已赶赴现场全力救援。",
        "事故现场周边道路临时封闭，请市民绕行新区大道。",
        "施工单位负责人已被控制，事故原因正在调查。",
        "市政府已成立事故调查组，开展全市在建隧道安全排查。"};
    private static final String[] OPEN_INFO = {"转需：", "出行提醒：", "看到官方通报了，", "扩散一下，", "最新消息，"};
    private static final String[] BODY_INFO = {
        "新区大道往机场方向封闭了，开车的绕行滨江路。", "救援队已经打通了一条通道，听说在往里送氧气。",
        "官方通报：3名工人被困，已有1人被救出。", "工地附近的居民被临时疏散到社区中心了。", "地铁6号线工程已全线停工排查。"};
    private static final String[] BODY_QUESTION = {
        "请问新区大道什么时候恢复通行？", "被困的工人救出来了吗？", "附近小区会不会有沉降危险？", "哪里可以看救援直播？"};
    private static final String[] BODY_POSITIVE = {
        "救援人员连续作业十几个小时，致敬！", "附近餐馆老板给救援队送饭，暖心。", "第一个工人被救出来了，太好了！", "志愿者自发来送水，这座城市很温暖。"};
    private static final String[] EMO_INFO = {"", "[祈祷]", "[思考]"};
    private static final String[] EMO_POSITIVE = {"[心]", "[赞]", "[good]", "[祈祷]"};

    private static final String[] REPOST_NEGATIVE = {"祈祷平安[祈祷]", "太可怕了[泪]", "严查施工方[怒]", "转发微博", "扩散", "必须追责！"};
    private static final String[] REPOST_INFO = {"扩散", "转需", "转发微博", "绕行注意"};

    private static final String[] NEWS_TITLES_INFO = {
        "江北新区在建地铁隧道坍塌 3名工人被困", "地铁6号线隧道塌方救援进展：1人获救", "江北新区隧道坍塌事故现场道路封闭 请绕行",
        "全市在建隧道开展安全大排查"};
    private static final String[] NEWS_LEADS_INFO = {
        "记者从江城市应急管理局获悉，地铁6号线江北新区段一处在建隧道发生局部坍塌，3名作业工人被困。",
        "江北新区隧道坍塌事故发生后，市委市政府高度重视，连夜组织救援。"};
    private static final String[] REPORT = {
        "据现场救援指挥部介绍，坍塌发生在隧道掘进段，塌方长度约二十米，救援队正从两侧同时开挖。",
        "被困工人所在区域有通风管道，救援人员已通过管道输送氧气和饮用水。",
        "施工单位负责人已被警方控制，涉事工程监理单位负责人被约谈。",
        "受事故影响，新区大道部分路段封闭，公交线路临时改道。",
        "市住建局表示，将对全市在建隧道和深基坑工程开展安全排查。",
        "事故发生后，市应急管理局第一时间启动应急预案，调集专业救援队伍和大型机械设备赶赴现场，现场指挥部设在工地东门。",
        "据地铁建设单位介绍，坍塌区域位于隧道中段，埋深约十五米，周边地层以粉砂土为主，救援难度较大。",
    };
    private static final String[] GUIDE = {
        "据现场救援指挥部介绍，坍塌发生在隧道掘进段，塌方长度约二十米，救援队正从两侧同时开挖。",
        "出行提醒：新区大道往机场方向封闭，驾车市民请提前绕行滨江路。",
        "工地周边居民如发现房屋开裂、地面下沉，可拨打12345反映。",
        "被困工人家属可前往新区社区中心登记，现场有心理疏导人员。",
        "事故发生后，市应急管理局第一时间启动应急预案，调集专业救援队伍和大型机械设备赶赴现场，现场指挥部设在工地东门。",
        "据地铁建设单位介绍，坍塌区域位于隧道中段，埋深约十五米，周边地层以粉砂土为主，救援难度较大，预计还需数小时才能打通生命通道。",
        "受事故影响，地铁6号线工程已全线停工，施工单位对沿线所有工作面开展安全检查，检查合格后方可复工。",
        "市民如需了解救援进展，可关注江城发布、江城应急等官方账号，请勿传播未经证实的消息。"};
    private static final String[] NEWS_TITLES_NEGATIVE = {
        "隧道坍塌背后：赶工期还是安全第一？", "工人被困隧道 市民追问施工安全监管", "江北新区隧道塌方：事故前已有预警？"};
    private static final String[] NEWS_LEADS_NEGATIVE = {
        "江北新区在建隧道坍塌致3名工人被困，连日来，市民对施工安全的质疑持续发酵。",
        "又一起工程事故！江北新区隧道坍塌，让不少市民愤怒不已。"};
    private static final String[] ANGER = {
        "有附近居民反映，事发前几天工地周边路面已经出现裂缝，曾多次向施工方反映，却没有得到回应。",
        "据工友透露，为赶在年底前贯通，隧道掘进连续几周昼夜施工，安全检查流于形式。",
        "有市民质疑，涉事工程层层转包，施工资质和安全管理是否存在漏洞，“必须查清楚，给工人家属一个交代。”",
        "被困工人的妻子在工地门口守了一整夜，“他说这周干完就回家，现在电话也打不通。”",
        "隧道施工事故的教训一再重演，监管部门必须从制度上找原因，而不能只是事后追责。",
        "一位在工地干了十几年的老工人说，现在的工程抢工期太厉害，很多安全措施只是写在纸上，真正落实的不多，“出了事受伤的总是我们。”",
        "附近小区的居民担心，隧道坍塌会不会影响地面建筑安全，有人说家里墙面最近出现了裂缝，希望有关部门尽快组织检测并公开结果。",
        "网友们在评论区追问：事故前的监测数据有没有异常？监理单位有没有履职？相关部门的日常检查记录能不能公开？"};
    private static final String[] NEWS_CLOSES = {"救援仍在进行中，本报将持续关注。", "市民们希望，有关部门彻查事故原因。"};
    private static final String[] WECHAT_TITLES_INFO = {"突发！江北新区在建隧道坍塌", "隧道救援最新消息汇总", "新区大道封闭，这些出行信息请收好"};
    private static final String[] WECHAT_INTROS_INFO = {
        "关于江北新区隧道坍塌事故，目前已知的信息如下。", "江北新区一在建地铁隧道发生坍塌，我们整理了最新情况。"};
    private static final String[] WECHAT_TITLES_NEGATIVE = {
        "隧道塌了，工人被困：安全到底谁来管？", "江北新区隧道坍塌：不能拿人命赶工期", "又一起工程事故，这一次必须追责到底"};
    private static final String[] WECHAT_INTROS_NEGATIVE = {
        "江北新区的隧道坍塌让整座城市揪心。", "三名工人被困隧道，很多人一夜没睡。", "又是一起本可以避免的工程事故。"};
    private static final String[] WECHAT_OUTROS = {
        "祈祷被困工人平安归来。", "转发让更多人关注施工安全。", "你身边的工地安全吗？留言区说说。"};

    /** The phrases, for {@link AccidentText}. */
    static final AccidentPhrases PHRASES = new AccidentPhrases(TAGS, OPENERS, BODY_NEGATIVE, CLOSE_NEGATIVE, EMO_NEGATIVE, OFFICIAL_HEADLINES, FACTS, OPEN_INFO, BODY_INFO, BODY_QUESTION, BODY_POSITIVE, EMO_INFO, EMO_POSITIVE, REPOST_NEGATIVE, REPOST_INFO, NEWS_TITLES_INFO, NEWS_LEADS_INFO, REPORT, GUIDE, NEWS_TITLES_NEGATIVE, NEWS_LEADS_NEGATIVE, ANGER, NEWS_CLOSES, WECHAT_TITLES_INFO, WECHAT_INTROS_INFO, WECHAT_TITLES_NEGATIVE, WECHAT_INTROS_NEGATIVE, WECHAT_OUTROS);

    private EmergencyText() {}
}
