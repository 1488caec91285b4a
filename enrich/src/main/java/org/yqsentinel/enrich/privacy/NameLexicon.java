package org.yqsentinel.enrich.privacy;

import java.util.List;
import java.util.Set;

final class NameLexicon {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温"
            + "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲"
            + "翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏"
            + "宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕"
            + "楚鄢劳谌奚皮粟冼蔺楼闻厉伊仝郜阚权强帅屠朴盖练廉禹祖漆巴丰支卿狄计索宣晋容敬扈晁芮阙浦戈伏鹿薄邸雍辜羊乌母裘"
            + "亓修邰赫杭况宿鲜印逯隆茹诸战慕危银亢嵇湛宾戎勾茅利於呼居揭干尉冶斯束檀衣昝智奉植衡富尧闭";
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "端木", "申屠", "独孤", "南宫", "西门", "呼延", "轩辕",
            "澹台", "太史", "闻人", "万俟", "百里", "东郭", "钟离", "赫连", "拓跋");

    static final String NOT_IN_GIVEN_NAME = "的了在是与及以无把被让向给从到对也都就还将已不没很太最们个些么吗呢吧啊呀这那哪谁啥说称得着过"
            + "十百亿号年日时分秒次市县区省镇乡村路街巷弄队";
    static final String NOT_LAST_IN_GIVEN_NAME = "和跟本初至需引发转后前里上下内外等又再起";
    static final String TRAILING_CONJUNCTIONS = "和与及跟同";

    static final Set<String> HONORIFICS = Set.of("女士", "先生", "小姐", "师傅", "老师", "阿姨", "大爷", "大妈", "大姐", "大哥",
            "同学", "医生", "护士", "警官", "律师", "老板", "总", "工", "姐", "哥", "叔", "婶", "伯", "嫂", "奶奶", "爷爷",
            "家", "某", "某某", "某某某", "氏", "子");

    static final Set<String> NOT_NAMES = Set.of("时许", "文一", "万一", "江滨", "周一", "周二", "周三", "周四", "周五", "周六",
            "周日", "周初", "周末");
    /** Brands that are, or look like, a person's name: a shop sign, not a person (杨国福麻辣烫, 李宁专卖店). */
    static final Set<String> BRANDS = Set.of("李宁", "王老吉", "杨国福", "张亮", "钱大妈", "周黑鸭", "周大福", "周生生",
            "陈克明", "张小泉", "马应龙", "王守义", "李子柒", "谢馥春", "王致和", "曹操出行", "老干妈", "蔡林记", "张飞牛肉",
            "戴永红", "姚记", "郭林", "方太", "雷允上", "胡庆余堂", "冯了性");

    /**
     * Words for a private person that stand right before a name (网友李秀英, 村民蒋德福, 我叫吴海燕). Journalists (记者) are
     * not among them: a byline names a person in a public role, like an official's title.
     */
    static final List<String> PRIVATE_PERSON_CUES = List.of("网友", "博主", "楼主", "市民", "村民", "居民", "业主", "患者",
            "病人", "家属", "家长", "学生", "乘客", "旅客", "游客", "车主", "司机", "驾驶员", "员工", "职工", "工人", "农民工",
            "环卫工", "老人", "女子", "男子", "女孩", "男孩", "女生", "男生", "少年", "租客", "租户", "房东", "店主", "摊主",
            "消费者", "顾客", "当事人", "受害人", "被害人", "死者", "伤者", "遇难者", "目击者", "报案人", "嫌疑人", "被告人",
            "原告", "申请人", "举报人", "投诉人", "反映人", "求助人", "骑手", "外卖员", "快递员", "保安", "网格员", "志愿者",
            "邻居", "同事", "朋友", "室友", "孩子", "儿子", "女儿", "闺女", "丈夫", "妻子", "爱人", "老公", "老婆", "我妈",
            "我爸", "母亲", "父亲", "叔叔", "表姐", "表哥", "表妹", "姐姐", "哥哥", "弟弟", "妹妹", "爷爷", "奶奶", "外婆",
            "外公", "教师", "老师", "班主任", "医生", "护士", "销售", "经理", "本人", "我叫", "名叫", "叫做", "名字叫", "叫");

    static final List<String> TITLES = List.of("市长", "县长", "区长", "镇长", "乡长", "省长", "州长", "书记", "支书", "局长",
            "厅长", "部长", "处长", "科长", "主任", "主席", "委员", "发言人", "院长", "校长", "所长", "署长", "司长", "总理",
            "秘书长", "检察长", "庭长", "审判长", "法官", "检察官", "政委", "教授", "研究员", "院士", "站长");
    static final List<String> PREFIX_ONLY_TITLES = List.of("人大代表", "党代表", "记者", "编辑", "责编", "通讯员", "主持人");
    static final List<String> SUFFIX_ONLY_TITLES = List.of("同志");
    static final List<String> NOT_TITLES = List.of("班主任");
    static final Set<String> ORGANIZATION_OR_PLACE_SUFFIXES = Set.of("局", "委", "办", "厅", "署", "中心", "协会", "路",
            "街", "大街", "大道", "巷", "广场", "公园", "大桥", "大厦", "小区", "花园", "故居", "纪念馆", "纪念堂", "中学",
            "小学", "奖", "杯", "号", "体", "式", "学说", "思想", "精神");

    static final List<String> LABELS = List.of("姓名", "联系人", "当事人", "报案人", "报警人", "举报人", "投诉人", "反映人",
            "申请人", "收件人", "收货人", "寄件人", "户主", "患者", "病人", "业主", "租户", "房东", "家长", "学生", "死者",
            "伤者", "受害人", "被害人", "嫌疑人", "失主", "车主", "求助人");
    static final List<String> FIELD_WORDS = List.of("电话", "手机", "联系", "性别", "年龄", "身份", "证件", "住址", "地址",
            "邮箱", "微信", "籍贯", "民族", "出生", "工作", "单位");

    private NameLexicon() {
    }

    /** The first character of a surname of the lists, single or compound. */
    static boolean isSurnameStart(char c) {
        return SURNAME_STARTS[c];
    }

    private static final boolean[] SURNAME_STARTS = new boolean[Character.MAX_VALUE + 1];

    static {
        SURNAMES.chars().forEach(c -> SURNAME_STARTS[c] = true);
        COMPOUND_SURNAMES.forEach(s -> SURNAME_STARTS[s.charAt(0)] = true);
    }

    static int surnameLength(String name) {
        if (name.length() >= 3 && COMPOUND_SURNAMES.contains(name.substring(0, 2))) {
            return 2;
        }
        return SURNAMES.indexOf(name.charAt(0)) >= 0 ? 1 : 0;
    }
}
