package org.yqsentinel.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.yqsentinel.model.Region;
import org.yqsentinel.simulator.ScenarioText.Kind;

/**
 * The fictional publishers of the demo: news sites, Weibo accounts and WeChat official accounts,
 * with their regions and audience sizes, so that sources and engagement look like a real mix.
 * A simulation's cast ({@link SimulationCast}) is this one, grown: it adds accounts and a crowd of users.
 */
class ScenarioCast {

    enum Role { GOV, MEDIA, BIGV, USER, NOISE }

    record WeiboAccount(String name, String uid, long followers, boolean verified, Region region, Role role) {}

    record WechatAccount(String name, String biz, boolean verified, Region region, long readScale, Set<Kind> writes) {

        /** Government accounts run by the city's offices, media accounts by its paper; the others are people's and firms'. */
        String accountType() {
            return switch (name) {
                case "江城发布", "江城教育" -> "government";
                case "江城日报", "江城头条" -> "media";
                default -> null;
            };
        }
    }

    record Site(String name, String code, String domain, Region region, boolean showsReads, double weight) {

        /** The second as the site prints it: sites that print no seconds show whole minutes. */
        long printed(long second) {
            return CrawlerShapes.printsSeconds(code) ? second : second - second % 60;
        }
    }

    static final String PROVINCE = "广东";
    private static final String[] CITIES = {"江城", "广州", "深圳", "佛山", "东莞", "珠海", "江门", "中山", "惠州"};
    private static final double[] CITY_WEIGHTS = {45, 15, 12, 7, 6, 4, 4, 4, 3};
    private static final String[][] ELSEWHERE = {{"湖南", "长沙"}, {"广西", "南宁"}, {"江西", "赣州"}, {"湖北", "武汉"}, {"福建", "厦门"}};

    static final String[] NAME_HEADS = {"江城", "江北", "南粤", "岭南", "湾区", "一只", "爱吃", "不想上班的", "早起的",
        "会飞的", "安静的", "快乐的", "打工的", "二宝", "三年级", "下班的", "晒太阳的", "爱读书的"};
    static final String[] NAME_TAILS = {"小鱼", "橘子", "老陈", "阿杰", "妈妈", "奶爸", "芒果", "布丁", "大白", "月亮",
        "猫", "豆包", "小满", "土豆", "阿May", "老师"};
    private static final String[] NAME_MARKS = {"", "", "", "2015", "2018", "呀", "_", "酱"};

    static final List<String> REPORTERS = List.of("苏禾", "林晓川", "何静怡", "梁子墨", "周岚", "陈一帆", "叶知秋", "黄嘉言",
            "罗青", "蔡明远");

    static final List<Site> SITES = List.of(
            new Site("江城日报", "jcdaily", "www.jcdaily.example", city("江城"), false, 5),
            new Site("江城晚报", "jcwb", "www.jcwb.example", city("江城"), true, 4),
            new Site("江城广播电视台", "jctv", "www.jctv.example", city("江城"), false, 2),
            new Site("南粤新闻网", "nynews", "www.nanyuenews.example", city("广州"), true, 3),
            new Site("珠江都市报", "zjds", "www.zjdsb.example", city("广州"), false, 2),
            new Site("岭南教育报", "lnjy", "www.lnjyb.example", city("广州"), false, 1.5),
            new Site("湾区财经网", "wqcj", "www.wqcj.example", city("深圳"), true, 1),
            new Site("看点资讯网", "kdzx", "www.kandianzx.example", null, true, 0),
            new Site("新闻速递网", "xwsd", "www.xwsudi.example", null, false, 0),
            new Site("粤港资讯在线", "ygzx", "www.ygzx.example", new Region(PROVINCE, null, null), false, 0));

    private static final double[] SITE_WEIGHTS = SITES.stream().mapToDouble(Site::weight).toArray();
    private static final double SITE_WEIGHT_TOTAL = SITES.stream().mapToDouble(Site::weight).sum();

    private static final Set<Kind> OFFICIAL = EnumSet.of(Kind.INFO, Kind.RESPONSE);
    private static final Set<Kind> OPINION = EnumSet.of(Kind.NEGATIVE, Kind.MIXED);

    private final List<WeiboAccount> weiboFixed = new ArrayList<>();
    private final List<WeiboAccount> weiboUsers = new ArrayList<>();
    private final List<WechatAccount> wechat = new ArrayList<>(List.of(
            new WechatAccount("江城发布", "jcfabu", true, city("江城"), 30000, OFFICIAL),
            new WechatAccount("江城教育", "jcjiaoyu", true, city("江城"), 15000, OFFICIAL),
            new WechatAccount("江城日报", "jcdaily", true, city("江城"), 25000, OFFICIAL),
            new WechatAccount("江城生活指南", "jcshenghuo", true, city("江城"), 20000,
                    EnumSet.of(Kind.INFO, Kind.RESPONSE, Kind.NOISE)),
            new WechatAccount("江城家长圈", "jcjiazhang", false, city("江城"), 12000,
                    EnumSet.of(Kind.INFO, Kind.NEGATIVE, Kind.RESPONSE, Kind.MIXED)),
            new WechatAccount("南粤父母课堂", "nyfumu", true, city("广州"), 8000,
                    EnumSet.of(Kind.INFO, Kind.NEGATIVE, Kind.MIXED)),
            new WechatAccount("岭南教育观察", "lnjygc", true, city("广州"), 6000, OPINION),
            new WechatAccount("老周说教育", "laozhou", false, null, 3000, OPINION),
            new WechatAccount("湾区职场妈妈", "wqmama", false, city("深圳"), 9000, OPINION),
            new WechatAccount("江城吃喝玩乐", "jcchihe", true, city("江城"), 18000, EnumSet.of(Kind.NOISE)),
            new WechatAccount("江城天气", "jctianqi", true, city("江城"), 5000, EnumSet.of(Kind.NOISE)),
            new WechatAccount("江城体育", "jctiyu", false, city("江城"), 4000, EnumSet.of(Kind.NOISE))));

    final Random rnd;

    ScenarioCast(Random rnd) {
        this.rnd = rnd;
        fixed("江城发布", 1_860_000, true, city("江城"), Role.GOV);
        fixed("江城教育", 412_000, true, city("江城"), Role.GOV);
        fixed("江城日报", 2_350_000, true, city("江城"), Role.MEDIA);
        fixed("江城晚报", 960_000, true, city("江城"), Role.MEDIA);
        fixed("南粤新闻网", 3_100_000, true, city("广州"), Role.MEDIA);
        fixed("教育观察者老何", 530_000, true, city("广州"), Role.BIGV);
        fixed("湾区奶爸日记", 128_000, true, city("深圳"), Role.BIGV);
        fixed("江城生活圈", 820_000, true, city("江城"), Role.BIGV);
        fixed("江城天气", 260_000, true, city("江城"), Role.NOISE);
        fixed("江城吃货地图", 340_000, false, city("江城"), Role.NOISE);
        fixed("绿茵江城", 45_000, false, new Region(PROVINCE, null, null), Role.NOISE);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < 72) {
            names.add(pick(NAME_HEADS) + pick(NAME_TAILS) + pick(NAME_MARKS));
        }
        for (String name : names) {
            weiboUsers.add(new WeiboAccount(name, uid(rnd), ordinaryFollowers(rnd), false, userRegion(), Role.USER));
        }
    }

    /** The named Weibo account (an office, a newsroom, a commentator), not an ordinary user. */
    WeiboAccount weibo(String name) {
        return weiboFixed.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    WechatAccount wechat(String name) {
        return wechat.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    /** The named Weibo accounts, in the order they joined. */
    List<WeiboAccount> weiboAccounts() {
        return Collections.unmodifiableList(weiboFixed);
    }

    /** The ordinary Weibo users, in the order they joined. */
    List<WeiboAccount> weiboUsers() {
        return Collections.unmodifiableList(weiboUsers);
    }

    void addNamed(WeiboAccount account) {
        weiboFixed.add(account);
    }

    void addUser(WeiboAccount user) {
        weiboUsers.add(user);
    }

    void add(WechatAccount account) {
        wechat.add(account);
    }

    WeiboAccount weiboFor(Kind kind) {
        double roll = rnd.nextDouble();
        return switch (kind) {
            case NOISE -> roll < 0.5 ? ofRole(Role.NOISE) : user();
            case INFO -> roll < 0.4 ? ofRole(rnd.nextBoolean() ? Role.MEDIA : Role.BIGV) : user();
            case QUESTION -> user();
            default -> roll < 0.15 ? ofRole(Role.BIGV) : user();
        };
    }

    WechatAccount wechatFor(Kind kind) {
        List<WechatAccount> writers = wechat.stream().filter(a -> a.writes().contains(kind)).toList();
        return writers.get(rnd.nextInt(writers.size()));
    }

    Site siteForOriginal() {
        return SITES.get(Draws.index(SITE_WEIGHTS, rnd.nextDouble() * SITE_WEIGHT_TOTAL, 0));
    }

    Site siteForReprint(Site original) {
        boolean aggregator = rnd.nextDouble() < 0.7;
        List<Site> candidates = SITES.stream()
                .filter(s -> s != original && (s.weight() == 0) == aggregator).toList();
        return candidates.isEmpty() ? SITES.get(SITES.size() - 1) : candidates.get(rnd.nextInt(candidates.size()));
    }

    String reporter() {
        return rnd.nextDouble() < 0.8 ? REPORTERS.get(rnd.nextInt(REPORTERS.size())) : null;
    }

    /** An ordinary user, the active ones more often. */
    WeiboAccount user() {
        double skew = Math.pow(rnd.nextDouble(), 1.6);
        return weiboUsers.get((int) (skew * weiboUsers.size()));
    }

    private WeiboAccount ofRole(Role role) {
        List<WeiboAccount> accounts = weiboFixed.stream().filter(a -> a.role() == role).toList();
        return accounts.get(rnd.nextInt(accounts.size()));
    }

    private void fixed(String name, long followers, boolean verified, Region region, Role role) {
        weiboFixed.add(new WeiboAccount(name, uid(rnd), followers, verified, region, role));
    }

    /** A Weibo uid as the platform numbers accounts (ten digits). */
    static String uid(Random rnd) {
        return Long.toString(1_000_000_000L + (long) (rnd.nextDouble() * 6_999_999_999L));
    }

    /** Followers of an ordinary user: log-normal around 300, between 12 and 60,000. */
    static long ordinaryFollowers(Random rnd) {
        return Math.max(12, Math.min(60_000, Math.round(Math.exp(Math.log(300) + 1.3 * rnd.nextGaussian()))));
    }

    /** Where an ordinary user says they are: mostly the cities of the province, a few elsewhere or nowhere. */
    final Region userRegion() {
        double roll = rnd.nextDouble();
        if (roll < 0.08) {
            return null;
        }
        if (roll < 0.16) {
            String[] place = ELSEWHERE[rnd.nextInt(ELSEWHERE.length)];
            return new Region(place[0], rnd.nextDouble() < 0.4 ? null : place[1], null);
        }
        if (rnd.nextDouble() < 0.3) {
            return new Region(PROVINCE, null, null);
        }
        double total = 0;
        for (double w : CITY_WEIGHTS) {
            total += w;
        }
        return city(CITIES[Draws.index(CITY_WEIGHTS, rnd.nextDouble() * total, 0)]);
    }

    static Region city(String city) {
        return new Region(PROVINCE, city, null);
    }

    final String pick(String[] options) {
        return Draws.pick(rnd, options);
    }
}
