package org.yqsentinel.enrich.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.yqsentinel.model.region.RegionTable;

/**
 * Word lists the tagger consults as features: surnames, place names, organization and place suffixes.
 * They are stored inside the model, so a model always sees the lists it was trained with.
 */
public final class Gazetteer {

    static final String SURNAMES = "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹"
            + " 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦"
            + " 付 傅 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 汤"
            + " 常 温 康 施 牛 樊 葛 邢 齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 兰 焦 俞 左 柳 甘 祝 包 宁"
            + " 尚 符 舒 阮 柯 纪 梅 童 凌 毕 季 裴 霍 涂 苗 谷 盛 曲 翁 冉 骆 蓝 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕"
            + " 屈 饶 牟 艾 尤 穆 卓 缪 简 车 项 麦 褚 娄 窦 戚 岑 景 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 佟 臧 闵 邬 卞"
            + " 姬 栾 隋 刁 荣 巫 寇 桑 郎 甄 仲 虞 敖 巩 佘 邝 鞠 荆 郁 胥 楚 鄢 谌 奚 冼 蔺 楼 闻 厉 仝 阚 蔚 庹"
            + " 欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 夏侯 轩辕 司徒 端木 西门 独孤 南宫 宇文 澹台";

    static final String ORGANIZATION_SUFFIXES = "局 厅 委 部 院 所 署 办 处 社 会 报 台 站 队 网 馆 行 团"
            + " 大学 学院 学校 中学 小学 幼儿园 医院 公司 集团 银行 政府 中心 协会 学会 商会 委员会 办公室 电视台 卫视"
            + " 日报 晚报 杂志 报社 新闻 法院 检察院 公安局 派出所 分局 研究所 研究院 俱乐部 基金会 联合会 工作室"
            + " 酒店 宾馆 商场 超市 商城 百货 餐厅 航空 电力 电信 移动 联通 党 军 组 班";

    static final String PLACE_SUFFIXES = "省 市 县 区 镇 乡 村 州 盟 旗 岛 山 河 江 湖 海 湾 港 路 街 道 桥 门 寺 庙"
            + " 公园 广场 大道 古镇 古城 社区 小区 景区 机场 车站 码头 故里 山庄 花园";

    /** Places outside the region table that Weibo posts often name. */
    static final String WORLD_PLACES = "中国 中华 大陆 内地 香港 澳门 台湾 台灣 美国 日本 韩国 朝鲜 英国 法国 德国 俄罗斯"
            + " 意大利 西班牙 葡萄牙 荷兰 瑞士 瑞典 挪威 芬兰 丹麦 希腊 土耳其 埃及 印度 泰国 越南 缅甸 老挝 柬埔寨"
            + " 新加坡 马来西亚 印尼 菲律宾 澳大利亚 新西兰 加拿大 墨西哥 巴西 阿根廷 南非 伊朗 伊拉克 以色列 叙利亚"
            + " 乌克兰 蒙古 尼泊尔 巴基斯坦 欧洲 亚洲 非洲 美洲 东南亚 中东 纽约 伦敦 巴黎 东京 首尔 曼谷 洛杉矶"
            + " 华盛顿 悉尼 莫斯科 柏林 罗马 迪拜 好莱坞 长江 黄河 珠江 西湖 泰山 黄山 长城 故宫 天安门 西藏 新疆";

    private final Map<String, List<String>> lists;
    private final Node root = new Node();
    /** The root's children by character, for the characters of the basic plane: most positions stop here. */
    private final Node[] first = new Node[0x10000];

    /** A node of the trie of every listed word, over code points; {@code ends} has bit g set where a word of list g ends. */
    private static final class Node {
        int[] codes = new int[0];
        Node[] next = new Node[0];
        int ends;

        Node child(int code) {
            int at = Arrays.binarySearch(codes, code);
            return at < 0 ? null : next[at];
        }

        Node add(int code) {
            int at = Arrays.binarySearch(codes, code);
            if (at >= 0) {
                return next[at];
            }
            int insert = -at - 1;
            Node node = new Node();
            int[] newCodes = new int[codes.length + 1];
            Node[] newNext = new Node[next.length + 1];
            System.arraycopy(codes, 0, newCodes, 0, insert);
            System.arraycopy(next, 0, newNext, 0, insert);
            newCodes[insert] = code;
            newNext[insert] = node;
            System.arraycopy(codes, insert, newCodes, insert + 1, codes.length - insert);
            System.arraycopy(next, insert, newNext, insert + 1, next.length - insert);
            codes = newCodes;
            next = newNext;
            return node;
        }
    }

    Gazetteer(Map<String, List<String>> lists) {
        if (lists.size() > 30) {
            throw new IllegalArgumentException("at most 30 gazetteer lists, not " + lists.size());
        }
        this.lists = new LinkedHashMap<>(lists);
        int g = 0;
        for (List<String> list : lists.values()) {
            for (String word : list) {
                Node node = root;
                for (int code : word.codePoints().toArray()) {
                    node = node.add(code);
                }
                node.ends |= 1 << g;
            }
            g++;
        }
        for (int i = 0; i < root.codes.length; i++) {
            if (root.codes[i] < first.length) {
                first[root.codes[i]] = root.next[i];
            }
        }
    }

    /** The lists Sentinel trains with: the built-in ones, and the names of the region table. */
    public static Gazetteer defaults() {
        TreeSet<String> places = new TreeSet<>(split(WORLD_PLACES));
        places.addAll(regionNames());
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("SUR", split(SURNAMES));
        lists.put("PLC", new ArrayList<>(places));
        lists.put("ORG", split(ORGANIZATION_SUFFIXES));
        lists.put("LSF", split(PLACE_SUFFIXES));
        return new Gazetteer(lists);
    }

    Map<String, List<String>> lists() {
        return lists;
    }

    /**
     * For each list and each code point, where the code point stands in a listed word (
     * 0 none, 1 begin, 2 middle, 3 end, 4 a single-character word), matching the longest word of that list first from left to right.
     */
    byte[][] marks(int[] text) {
        int count = lists.size();
        int n = text.length;
        int[][] longest = new int[count][n];
        for (int i = 0; i < n; i++) {
            Node node = text[i] < first.length ? first[text[i]] : root.child(text[i]);
            for (int j = i; node != null; node = ++j < n ? node.child(text[j]) : null) {
                for (int ends = node.ends; ends != 0; ends &= ends - 1) {
                    longest[Integer.numberOfTrailingZeros(ends)][i] = j - i + 1;
                }
            }
        }
        byte[][] marks = new byte[count][n];
        for (int g = 0; g < count; g++) {
            for (int i = 0; i < n; ) {
                int found = longest[g][i];
                if (found == 0) {
                    i++;
                    continue;
                }
                if (found == 1) {
                    marks[g][i] = 4;
                } else {
                    Arrays.fill(marks[g], i + 1, i + found - 1, (byte) 2);
                    marks[g][i] = 1;
                    marks[g][i + found - 1] = 3;
                }
                i += found;
            }
        }
        return marks;
    }

    private static List<String> split(String words) {
        return List.of(words.trim().split("\\s+"));
    }

    /** Names, short names and aliases of two or more characters of the region table. */
    private static List<String> regionNames() {
        return RegionTable.bundled().names().stream().filter(name -> name.codePointCount(0, name.length()) >= 2).toList();
    }
}
