package org.yqsentinel.alerting.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.Tier;
import org.yqsentinel.rules.RuleException;
import org.yqsentinel.rules.RuleFiles;

class RoutingRulesTest {

    private static final RoutingRules BUNDLED = RoutingRules.load(RuleFiles.bundled());

    private static Alert alert(Tier tier, String department) {
        return alert(tier, department, "教育", new Region("湖北", "江城", null));
    }

    private static Alert alert(Tier tier, String department, String topic, Region region) {
        Instant end = Instant.parse("2026-11-20T11:00:00Z");
        return new Alert(Alert.idOf("JYF-18", AlertEventType.OPENED, tier, end), AlertEventType.OPENED, "JYF-18", "课后服务收费通知",
                "case-1", tier, null, 60, end.minus(Duration.ofHours(1)), end, List.of(), List.of(), department, topic,
                region, end.plus(Duration.ofHours(24)));
    }

    private static List<String> paths(List<Route> routes) {
        return routes.stream().map(Route::path).toList();
    }

    @Test
    void anEventGoesToTheDeepestMatchingRoutesAndOnToSiblingsOnlyWhenARouteContinues() {
        assertThat(paths(BUNDLED.routesFor(alert(Tier.IV_BLUE, "江城市教育局")))).containsExactly("route/routes/0");
        assertThat(paths(BUNDLED.routesFor(alert(Tier.II_ORANGE, "江城市教育局"))))
                .as("the department's route continues, so the tier route is tried too").containsExactly("route/routes/0", "route/routes/3");
        assertThat(paths(BUNDLED.routesFor(alert(Tier.II_ORANGE, "交通运输局")))).as("an emerging topic's department")
                .containsExactly("route/routes/1", "route/routes/3");
        assertThat(paths(BUNDLED.routesFor(alert(Tier.III_YELLOW, "江城市住建局")))).as("no child matches: the top route").containsExactly("route");
        assertThat(paths(BUNDLED.routesFor(alert(Tier.I_RED, null)))).containsExactly("route/routes/3");
    }

    @Test
    void aRouteInheritsWhatItDoesNotSet() {
        Route tierRoute = BUNDLED.routesFor(alert(Tier.I_RED, "江城市住建局")).get(0);
        assertThat(tierRoute.options().groupWait()).isEqualTo(Duration.ZERO);
        assertThat(tierRoute.options().repeatInterval()).isEqualTo(Duration.ofHours(4));
        assertThat(tierRoute.options().escalateBefore()).isEqualTo(Duration.ofHours(1));
        assertThat(tierRoute.options().escalateTo()).containsExactly("市政府办公室领导");
        assertThat(tierRoute.options().quietHours()).hasToString("22:00-07:00");
        assertThat(BUNDLED.receivers().get("江城市教育局").members()).extracting(RoutingRules.Member::mobile)
                .containsExactly("13800138001", "13800138002");
    }

    @Test
    void childrenInheritReceiversAndMatchOnPolicy() {
        RoutingRules rules = RoutingRules.parse("routing.yaml", """
                receivers:
                  desk: {members: [{name: 值班室, email: duty@example.gov.cn}]}
                route:
                  receivers: [desk]
                  routes:
                    - match: {policy: [JYF-18]}
                      group-wait-seconds: 5
                """);
        Route matched = rules.routesFor(alert(Tier.IV_BLUE, null)).get(0);
        assertThat(matched.path()).isEqualTo("route/routes/0");
        assertThat(matched.receivers()).containsExactly("desk");
        assertThat(matched.options().groupWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(matched.options().quietHours()).isNull();
    }

    @Test
    void routesMatchOnTopicAndOnRegionWrittenShortOrInFull() {
        RoutingRules rules = RoutingRules.parse("routing.yaml", """
                receivers:
                  desk: {members: [{name: 值班室, email: duty@example.gov.cn}]}
                  housing: {members: [{name: 住建, email: housing@example.gov.cn}]}
                  wuhan: {members: [{name: 武汉, email: wuhan@example.gov.cn}]}
                  guangxi: {members: [{name: 广西, email: guangxi@example.gov.cn}]}
                  beijing: {members: [{name: 北京, email: beijing@example.gov.cn}]}
                route:
                  receivers: [desk]
                  routes:
                    - match: {topic: [住房保障], region: [湖北省]}
                      receivers: [housing]
                    - match: {region: [武汉市]}
                      receivers: [wuhan]
                    - match: {region: [广西壮族自治区, 恩施土家族苗族自治州]}
                      receivers: [guangxi]
                    - match: {region: [北京市]}
                      receivers: [beijing]
                """);
        assertThat(rules.routesFor(alert(Tier.III_YELLOW, null, "住房保障", new Region("湖北", "武汉", null))))
                .extracting(Route::receivers).as("the first match wins: topic and province").containsExactly(List.of("housing"));
        assertThat(rules.routesFor(alert(Tier.III_YELLOW, null, "教育", new Region("湖北", "武汉", null))))
                .extracting(Route::receivers).as("another topic in 武汉: the city route").containsExactly(List.of("wuhan"));
        assertThat(rules.routesFor(alert(Tier.III_YELLOW, null, "教育", new Region("湖北", "宜昌", null))))
                .extracting(Route::receivers).as("湖北省 is not 武汉市").containsExactly(List.of("desk"));
        assertThat(rules.routesFor(alert(Tier.III_YELLOW, null, "住房保障", null)))
                .extracting(Route::receivers).as("no region: no region route").containsExactly(List.of("desk"));
        assertThat(rules.routesFor(alert(Tier.III_YELLOW, null, null, new Region("广西", null, null))))
                .extracting(Route::receivers).containsExactly(List.of("guangxi"));
        assertThat(rules.routesFor(alert(Tier.III_YELLOW, null, null, new Region("湖北", "恩施", null))))
                .extracting(Route::receivers).containsExactly(List.of("guangxi"));
        assertThat(rules.routesFor(alert(Tier.III_YELLOW, null, null, new Region("北京", null, null))))
                .extracting(Route::receivers).as("北京市 is a province").containsExactly(List.of("beijing"));
    }

    @Test
    void aPlaceWrittenInFullIsTheProvinceOrTheCityItsSuffixSays() {
        Region jilinCity = new Region("吉林", "吉林", null);
        Region changchun = new Region("吉林", "长春", null);
        assertThat(Route.Match.inRegion("吉林", changchun)).isTrue();
        assertThat(Route.Match.inRegion("吉林省", changchun)).isTrue();
        assertThat(Route.Match.inRegion("吉林市", changchun)).as("the city 吉林, not the province").isFalse();
        assertThat(Route.Match.inRegion("吉林市", jilinCity)).isTrue();
        assertThat(Route.Match.inRegion("长春市", changchun)).isTrue();
        assertThat(Route.Match.inRegion("长春区", changchun)).isFalse();
        assertThat(Route.Match.inRegion("长", changchun)).isFalse();
        assertThat(Route.Match.inRegion("上海市", new Region("上海", null, null))).isTrue();
    }

    @Test
    void theLoadedRoutingKnowsTheTopicsOfTopicsYaml() {
        String text = """
                receivers:
                  desk: {members: [{name: 值班室, email: duty@example.gov.cn}]}
                route:
                  receivers: [desk]
                  routes:
                    - match: {topic: [住房]}
                """;
        assertThat(RoutingRules.parse("routing.yaml", text).root().routes().get(0).match().topics()).containsExactly("住房");
        assertThatThrownBy(() -> RoutingRules.parse("routing.yaml", text, Set.of("住房保障", "教育")))
                .isInstanceOf(RuleException.class).hasMessageStartingWith("routing.yaml:6: topic '住房' is not in topics.yaml; use one of");
        assertThat(BUNDLED.root().routes()).as("the bundled routing loads against the bundled topics").isNotEmpty();
    }

    @Test
    void mistakesAreRefusedWithFileLineAndWhatToFix() {
        String receivers = """
                receivers:
                  desk: {members: [{name: 值班室, email: duty@example.gov.cn}]}
                """;
        assertRefused(receivers + "route:\n  receivers: [desk]\n  escalate-to: [leaders]\n",
                "routing.yaml:5: receiver 'leaders' is not defined under receivers; define it there or use one of [desk]");
        assertRefused("receivers:\n  desk:\n    members:\n      - {name: 王, mobile: \"12345\"}\nroute: {receivers: [desk]}\n",
                "routing.yaml:4: '12345' is not a mainland mobile number");
        assertRefused(receivers + "route:\n  receivers: [desk]\n  quiet-hours: \"22:00 to 07:00\"\n",
                "routing.yaml:5: quiet-hours must be HH:MM-HH:MM");
        assertRefused(receivers + "route:\n  receivers: [desk]\n  routes:\n    - match: {tier: [V]}\n",
                "routing.yaml:6: unknown tier 'V'; expected IV, III, II or I");
        assertRefused(receivers + "route:\n  receivers: [desk]\n  group-wait: 30s\n",
                "routing.yaml:5: unknown field 'group-wait'");
        assertRefused(receivers + "route:\n  receivers: [desk]\n  routes:\n    - receivers: [desk]\n",
                "routing.yaml:6: a route under another needs a match");
        assertRefused(receivers + "route:\n  match: {tier: [I]}\n  receivers: [desk]\n",
                "routing.yaml:4: the top route takes every alert event");
        assertRefused("receivers:\n  desk: {members: []}\nroute: {receivers: [desk]}\n",
                "routing.yaml:2: receiver desk has no members and no webhooks");
        assertRefused("receivers:\n  robot: {webhooks: [{kind: slack, url: \"http://127.0.0.1/x\"}]}\nroute: {receivers: [robot]}\n",
                "routing.yaml:2: kind must be dingtalk or wecom, not slack");
        assertRefused("receivers:\n  robot: {webhooks: [{kind: wecom, url: \"http://127.0.0.1/x\", secret-env: YQ_X}]}\nroute: {receivers: [robot]}\n",
                "routing.yaml:2: only DingTalk robots sign their messages; remove secret-env");
        assertRefused("receivers:\n  robot: {webhooks: [{kind: dingtalk, url: \"http://127.0.0.1/x\", secret-env: SEC123abc}]}\nroute: {receivers: [robot]}\n",
                "routing.yaml:2: secret-env names the environment variable");
        assertRefused(receivers + "route:\n  receivers: [desk]\n  routes:\n    - match: {region: [Wuhan]}\n",
                "routing.yaml:6: region 'Wuhan' must be a province or city in Chinese");
        assertRefused(receivers + "route:\n  receivers: [desk]\n  routes:\n    - match: {city: [武汉]}\n",
                "routing.yaml:6: unknown field 'city'; expected one of");
        assertRefused(receivers, "routing.yaml:1: route must be a map with at least receivers, and is missing");
    }

    @Test
    void aRegionThatIsNoProvinceOrCityOfTheRegionTableIsRefusedWithWhatToWrite() {
        String head = "receivers:\n  desk: {members: [{name: 值班室, email: duty@example.gov.cn}]}\nroute:\n  receivers: [desk]\n  routes:\n";
        assertRefused(head + "    - match: {region: [苏洲]}\n",
                "routing.yaml:6: region '苏洲' is not a known province, city or county (did you mean 株洲 or 苏州?); write a province or city");
        assertRefused(head + "    - match:\n        region:\n          - 湖北\n          - 宜昌市\n          - 江城市\n",
                "routing.yaml:10: region '江城市' is not a known province, city or county");
        assertRefused(head + "    - match: {region: [天河区]}\n",
                "routing.yaml:6: region '天河区' is a county-level division of 广州 (广东), but a route matches provinces and cities: write 广州");
        assertRefused(head + "    - match: {region: [朝阳区]}\n",
                "routing.yaml:6: region '朝阳区' is a county-level division of 北京 (北京) and of 长春 (吉林), but a route matches provinces"
                        + " and cities: write its city");
    }

    @Test
    void routesMatchEveryCityOfTheCountryWrittenShortOrInFull() {
        RoutingRules rules = RoutingRules.parse("routing.yaml", """
                receivers:
                  desk: {members: [{name: 值班室, email: duty@example.gov.cn}]}
                  west: {members: [{name: 西部, email: west@example.gov.cn}]}
                route:
                  receivers: [desk]
                  routes:
                    - match: {region: [苏州, 宜昌市, 喀什地区, 巴音郭楞蒙古自治州, 神农架林区, 定安县, 吉林市]}
                      receivers: [west]
                """);
        for (Region region : List.of(new Region("江苏", "苏州", null), new Region("湖北", "宜昌", null), new Region("新疆", "喀什", null),
                new Region("新疆", "巴音郭楞", null), new Region("湖北", "神农架", null), new Region("海南", "定安", null),
                new Region("吉林", "吉林", null))) {
            assertThat(rules.routesFor(alert(Tier.III_YELLOW, null, null, region))).as(region.toString())
                    .extracting(Route::receivers).containsExactly(List.of("west"));
        }
        for (Region region : List.of(new Region("江苏", "无锡", null), new Region("吉林", "长春", null), new Region("湖北", null, null))) {
            assertThat(rules.routesFor(alert(Tier.III_YELLOW, null, null, region))).as(region.toString())
                    .extracting(Route::receivers).containsExactly(List.of("desk"));
        }
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> RoutingRules.parse("routing.yaml", text)).isInstanceOf(RuleException.class).hasMessageStartingWith(message);
    }

    @Test
    void quietHoursMayRunOverMidnight() {
        QuietHours night = QuietHours.parse("22:00-07:00").orElseThrow();
        assertThat(night.contains(LocalTime.of(23, 30))).isTrue();
        assertThat(night.contains(LocalTime.of(6, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
        QuietHours noon = QuietHours.parse("12:00-13:30").orElseThrow();
        assertThat(noon.contains(LocalTime.of(12, 0))).isTrue();
        assertThat(noon.contains(LocalTime.of(13, 30))).isFalse();
        assertThat(QuietHours.parse("07:00-07:00")).isEmpty();
        assertThat(QuietHours.parse("25:00-07:00")).isEmpty();
    }
}
