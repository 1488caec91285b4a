package org.yqsentinel.simulator;

import static org.yqsentinel.simulator.ScenarioCast.city;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.yqsentinel.model.Region;
import org.yqsentinel.simulator.ScenarioCast.Role;
import org.yqsentinel.simulator.ScenarioCast.WechatAccount;
import org.yqsentinel.simulator.ScenarioCast.WeiboAccount;
import org.yqsentinel.simulator.SimulatedPost.Stance;
import org.yqsentinel.simulator.SimulatedPost.Topic;

/**
 * The publishers of a simulation: the demo episode's cast ({@link ScenarioCast}) grown by more verified
 * accounts with large audiences across provinces and a crowd of ordinary users big enough for hundreds
 * of posts an hour, so that who posts what looks like a city's timeline and not a few voices.
 */
final class SimulationCast extends ScenarioCast {

    private static final String[] INFORMING_POLICY = {"江城发布", "江城教育", "江城日报", "江城晚报", "南粤新闻网", "华南都市快报"};
    private static final String[] INFORMING_HOT_TOPIC = {"江城发布", "江城交通", "江城消防", "江城日报", "江城晚报", "华南都市快报", "湘江晨报"};
    private static final String[] COMMENTATORS_POLICY = {
        "教育观察者老何", "湾区奶爸日记", "江城生活圈", "育儿博主暖暖妈", "教育博主林老师", "法律人陈律师", "闽南爸爸", "蜀地妈妈帮",
        "财经评论员周航"};
    private static final String[] COMMENTATORS_HOT_TOPIC = {"江城生活圈", "江城热线", "法律人陈律师", "财经评论员周航"};
    private static final String[] LOCAL_VOICES = {"江城生活圈", "江城热线"};

    private static final String[] WECHAT_POLICY_INFORMING = {"江城发布", "江城教育", "江城日报", "江城生活指南", "江城家长圈", "南粤父母课堂"};
    private static final String[] WECHAT_POLICY_OPINION = {
        "江城家长圈", "南粤父母课堂", "岭南教育观察", "老周说教育", "湾区职场妈妈", "江城宝妈说", "育儿早知道", "二孩家庭日记"};
    private static final String[] WECHAT_HOT_TOPIC_INFORMING = {"江城发布", "江城日报", "江城生活指南", "江城头条"};
    private static final String[] WECHAT_HOT_TOPIC_OPINION = {"江城头条", "江北生活圈", "江城茶馆", "江城生活指南"};
    private static final String[] WECHAT_EVERYDAY = {"江城生活指南", "江城头条", "江北生活圈"};

    private static final String[][] FAR_AWAY = {{"北京", "北京"}, {"上海", "上海"}, {"浙江", "杭州"}, {"四川", "成都"}, {"河南", "郑州"}};
    private static final String[] MORE_NAME_HEADS = {"熬夜的", "喝奶茶的", "追剧的", "跑步的", "减肥中的", "佛系", "暴躁", "温柔的", "东门",
        "滨江", "老城区", "西关"};
    private static final String[] MORE_NAME_TAILS = {"阿伟", "小林", "Kiki", "团子", "西瓜", "饭团", "兔子", "大熊", "阿珍", "小胖", "柠檬",
        "老王"};
    private static final String[] NAME_MARKS = {"", "", "", "呀", "_", "酱", "ya", "同学", "本人"};

    private final Set<String> uids = new HashSet<>();

    /** @param crowd how many ordinary Weibo users there are */
    SimulationCast(Random rnd, int crowd) {
        super(rnd);
        weiboAccounts().forEach(a -> uids.add(a.uid()));
        weiboUsers().forEach(u -> uids.add(u.uid()));
        account("华南都市快报", 4_600_000, true, city("广州"), Role.MEDIA);
        account("湘江晨报", 1_900_000, true, new Region("湖南", "长沙", null), Role.MEDIA);
        account("江城交通", 380_000, true, city("江城"), Role.GOV);
        account("江城消防", 300_000, true, city("江城"), Role.GOV);
        account("江城热线", 640_000, true, city("江城"), Role.BIGV);
        account("育儿博主暖暖妈", 1_350_000, true, new Region("北京", "北京", null), Role.BIGV);
        account("财经评论员周航", 2_080_000, true, new Region("上海", "上海", null), Role.BIGV);
        account("教育博主林老师", 760_000, true, new Region("浙江", "杭州", null), Role.BIGV);
        account("法律人陈律师", 410_000, true, new Region("湖北", "武汉", null), Role.BIGV);
        account("闽南爸爸", 156_000, true, new Region("福建", "厦门", null), Role.BIGV);
        account("蜀地妈妈帮", 233_000, true, new Region("四川", "成都", null), Role.BIGV);
        Set<String> names = new HashSet<>();
        weiboUsers().forEach(u -> names.add(u.name()));
        weiboAccounts().forEach(a -> names.add(a.name()));
        while (weiboUsers().size() < crowd) {
            String name = pick(rnd.nextDouble() < 0.6 ? ScenarioCast.NAME_HEADS : MORE_NAME_HEADS)
                    + pick(rnd.nextDouble() < 0.6 ? ScenarioCast.NAME_TAILS : MORE_NAME_TAILS)
                    + (rnd.nextDouble() < 0.25 ? Integer.toString(rnd.nextInt(10_000)) : pick(NAME_MARKS));
            if (names.add(name)) {
                addUser(new WeiboAccount(name, newUid(), crowdFollowers(), rnd.nextDouble() < 0.02, crowdRegion(), Role.USER));
            }
        }
        add(new WechatAccount("江城宝妈说", "jcbaoma", false, city("江城"), 7000, Set.of()));
        add(new WechatAccount("育儿早知道", "yuerzzd", true, null, 15000, Set.of()));
        add(new WechatAccount("二孩家庭日记", "erhairiji", false, city("佛山"), 4000, Set.of()));
        add(new WechatAccount("江城头条", "jctoutiao", true, city("江城"), 26000, Set.of()));
        add(new WechatAccount("江北生活圈", "jbshenghuo", false, city("江城"), 9000, Set.of()));
        add(new WechatAccount("江城茶馆", "jcchaguan", false, city("江城"), 6000, Set.of()));
    }

    /** Who posts on Weibo about this topic in this stance. */
    WeiboAccount weibo(Topic topic, Stance stance) {
        double roll = rnd.nextDouble();
        if (topic == Topic.EVERYDAY) {
            return roll < 0.05 ? weibo(pick(LOCAL_VOICES)) : user();
        }
        return switch (stance) {
            case INFORMING -> topic == Topic.POLICY
                    ? roll < 0.3 ? weibo(pick(INFORMING_POLICY)) : user()
                    : roll < 0.45 ? weibo(pick(INFORMING_HOT_TOPIC)) : user();
            case NEGATIVE, POSITIVE -> roll < 0.07
                    ? weibo(pick(topic == Topic.POLICY ? COMMENTATORS_POLICY : COMMENTATORS_HOT_TOPIC)) : user();
            case QUESTION -> user();
        };
    }

    /** Whether the account speaks for an office or a newsroom, not as a person. */
    static boolean institutional(WeiboAccount account) {
        return account.role() == Role.GOV || account.role() == Role.MEDIA;
    }

    /** Which official account writes about this topic in this stance. */
    WechatAccount wechat(Topic topic, Stance stance) {
        String[] names = switch (topic) {
            case POLICY -> stance == Stance.INFORMING || stance == Stance.QUESTION ? WECHAT_POLICY_INFORMING : WECHAT_POLICY_OPINION;
            case HOT_TOPIC, EMERGENCY -> stance == Stance.NEGATIVE ? WECHAT_HOT_TOPIC_OPINION : WECHAT_HOT_TOPIC_INFORMING;
            case EVERYDAY -> WECHAT_EVERYDAY;
        };
        return wechat(pick(names));
    }

    private void account(String name, long followers, boolean verified, Region region, Role role) {
        addNamed(new WeiboAccount(name, newUid(), followers, verified, region, role));
    }

    /** Most have a few hundred followers; one in thirty is a local voice with ten to ninety thousand. */
    private long crowdFollowers() {
        return rnd.nextDouble() < 0.033 ? 10_000 + rnd.nextInt(80_000) : ScenarioCast.ordinaryFollowers(rnd);
    }

    /** A uid no account of the cast has yet. */
    private String newUid() {
        String uid;
        do {
            uid = ScenarioCast.uid(rnd);
        } while (!uids.add(uid));
        return uid;
    }

    /** As the demo's users, with more of them far from the province: a surge draws in the whole country. */
    private Region crowdRegion() {
        if (rnd.nextDouble() < 0.15) {
            String[] place = FAR_AWAY[rnd.nextInt(FAR_AWAY.length)];
            return new Region(place[0], place[1], null);
        }
        return userRegion();
    }
}
