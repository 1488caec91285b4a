package org.yqsentinel.enrich.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yqsentinel.model.GeoPoint;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.region.RegionTable;

class RegionResolverTest {

    private static final RegionTable TABLE = RegionTable.bundled();
    private static final RegionResolver RESOLVER = RegionResolver.bundled();

    private static Optional<Region> resolve(Region declared, String source, String... words) {
        return RESOLVER.resolve(declared, source, List.of(words));
    }

    /** The province with its code and the point of its capital. */
    private static Region province(String province) {
        return TABLE.region(TABLE.province(province).orElseThrow(), null);
    }

    /** The city with its code and point. */
    private static Region city(String city) {
        return TABLE.region(TABLE.city(city).orElseThrow(), null);
    }

    static List<String> guangdongCities() {
        return List.of("广州", "深圳", "珠海", "汕头", "佛山", "韶关", "湛江", "肇庆", "江门", "茂名", "惠州", "梅州", "汕尾", "河源",
                "阳江", "清远", "东莞", "中山", "潮州", "揭阳", "云浮");
    }

    private static void assertInGuangdong(GeoPoint point) {
        assertThat(point.lat()).isBetween(20.0, 26.0);
        assertThat(point.lon()).isBetween(109.0, 118.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guangdongCities")
    void everyGuangdongCityNamedInTheTextResolvesToItselfWithItsCoordinates(String city) {
        Region region = resolve(null, null, city).orElseThrow();
        assertThat(region).isEqualTo(city(city));
        assertThat(region.province()).isEqualTo("广东");
        assertThat(region.code()).startsWith("44");
        assertInGuangdong(region.location());
        assertThat(resolve(null, null, city + "市")).contains(region);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"天河区, 广州", "天河, 广州", "番禺, 广州", "越秀区, 广州", "福田区, 深圳", "福田, 深圳", "宝安, 深圳",
        "龙岗, 深圳", "顺德, 佛山", "南海区, 佛山", "禅城, 佛山", "香洲, 珠海", "乳源, 韶关", "虎门, 东莞", "小榄, 中山"})
    void aDistrictNamedInTheTextResolvesToItsCityAndTheCitysCoordinates(String district, String city) {
        assertThat(resolve(null, null, district)).contains(city(city));
    }

    @ParameterizedTest
    @ValueSource(strings = {"城区", "汕尾城区", "南海", "白云", "南山", "光明", "江城", "高明", "和平", "新兴", "粤", "穗", "莞",
        "火星", "江城市", ""})
    void commonWordsAmbiguousNamesAndOneCharacterAliasesAreNoEvidenceInText(String word) {
        assertThat(resolve(null, null, word)).isEmpty();
    }

    @Test
    void aDeclaredProvinceAloneGivesTheProvinceAtItsCapital() {
        assertThat(province("广东").location()).isEqualTo(city("广州").location());
        assertThat(resolve(new Region("广东", null, null), null)).contains(province("广东"));
        assertThat(resolve(new Region("广东省", null, null), null)).contains(province("广东"));
        assertThat(resolve(new Region("北京", null, null), null, "北京")).contains(province("北京"));
    }

    @Test
    void declaredBeatsOutletBeatsText() {
        assertThat(resolve(new Region("浙江", null, null), "南方日报", "广州")).contains(province("浙江"));
        assertThat(resolve(null, "深圳特区报", "广州", "广州", "天河")).contains(city("深圳"));
        assertThat(resolve(null, null, "广州", "广州", "天河")).contains(city("广州"));
    }

    @Test
    void theOutletRefinesTheDeclaredProvinceBeforeTheText() {
        assertThat(resolve(new Region("广东", null, null), "深圳特区报", "广州", "广州")).contains(city("深圳"));
    }

    @Test
    void anOutletOutsideTheDeclaredProvinceIsIgnoredAndTheTextRefines() {
        assertThat(resolve(new Region("浙江", null, null), "深圳特区报", "杭州")).contains(city("杭州"));
    }

    @Test
    void aTextCityOutsideTheDeclaredProvinceIsIgnored() {
        assertThat(resolve(new Region("广东", null, null), null, "杭州")).contains(province("广东"));
        assertThat(resolve(new Region("广东", null, null), null, "杭州", "杭州", "佛山")).contains(city("佛山"));
    }

    @Test
    void aDeclaredCityIsKeptAndDeclaredCoordinatesWin() {
        assertThat(resolve(new Region("广东", "深圳", null), "南方日报", "广州")).contains(city("深圳"));
        GeoPoint gps = new GeoPoint(22.60, 114.10);
        assertThat(resolve(new Region("广东", null, gps), null, "深圳")).contains(new Region("广东", "深圳", "440300", gps));
    }

    @Test
    void aDeclaredCityOfAnotherProvinceIsIgnoredAndAnUnknownOneKept() {
        assertThat(resolve(new Region("广东", "杭州", null), null, "深圳")).contains(city("深圳"));
        assertThat(resolve(new Region("浙江", "宁波", null), null, "杭州")).as("宁波 is known now").contains(city("宁波"));
        assertThat(resolve(new Region("浙江", "火星城", null), null, "杭州"))
                .contains(new Region("浙江", "火星城", "330000", TABLE.province("浙江").orElseThrow().location()));
    }

    @Test
    void aDeclaredCityIsFoundByAnyOfItsNamesInsideItsProvince() {
        assertThat(resolve(new Region("吉林", "吉林", null), null)).as("the city 吉林, not the province").contains(city("吉林"));
        assertThat(resolve(new Region("北京", "北京", null), null)).contains(city("北京"));
        assertThat(resolve(new Region("广东", "天河区", null), null)).as("a district gives its city").contains(city("广州"));
        assertThat(resolve(new Region("新疆", "喀什市", null), null)).contains(city("喀什"));
    }

    @Test
    void aDeclaredProvinceTheTableDoesNotKnowIsReturnedAsDeclared() {
        Region declared = new Region("火星", null, null);
        assertThat(resolve(declared, "深圳特区报", "广州")).contains(declared);
    }

    @Test
    void governmentAccountsAreOutlets() {
        assertThat(resolve(null, "深圳发布", "广州")).contains(city("深圳"));
        assertThat(resolve(null, "天河发布")).contains(city("广州"));
    }

    @Test
    void anOutletAtHomeInAWholeProvinceGivesTheProvinceAndTheTextItsCity() {
        assertThat(resolve(null, "广东发布")).contains(province("广东"));
        assertThat(resolve(null, "广东发布", "杭州", "杭州", "汕头")).contains(city("汕头"));
        assertThat(resolve(null, "大公报")).contains(province("香港"));
    }

    @Test
    void theMostMentionedCityWinsCountingItsDistricts() {
        assertThat(resolve(null, null, "广州", "深圳", "福田区", "福田")).contains(city("深圳"));
        assertThat(resolve(null, null, "广州", "深圳", "南山区", "福田")).as("南山区 of 深圳, as 深圳 is named")
                .contains(city("深圳"));
    }

    @Test
    void aTieGoesToTheCityMentionedFirst() {
        assertThat(resolve(null, null, "佛山", "广州", "广州", "顺德")).contains(city("佛山"));
        assertThat(resolve(null, null, "天河", "佛山", "顺德", "广州")).contains(city("广州"));
    }

    @Test
    void provinceNamesGiveOnlyTheProvinceAndOnlyWithoutAnyCity() {
        assertThat(resolve(null, null, "湖南", "广东", "广东")).contains(province("广东"));
        assertThat(resolve(null, null, "湖南", "广东")).contains(province("湖南"));
        assertThat(resolve(null, null, "广东", "广东", "杭州")).contains(city("杭州"));
    }

    @Test
    void unknownWordsAndMissingEvidenceGiveNothing() {
        assertThat(RESOLVER.resolve(null, null, null)).isEmpty();
        assertThat(resolve(null, "人民日报", "今天", "天气", "很好")).isEmpty();
        assertThat(RESOLVER.resolve(null, null, Arrays.asList(null, "收费", "广州"))).contains(city("广州"));
    }

    @Test
    void aNameSharedByAProvinceAndACityIsNoEvidenceInText() {
        String regions = "level\tcode\tname\tshort\tprovince\tcity\tlat\tlon\taliases\ttext\n"
                + "province\t220000\t吉林省\t吉林\t-\t-\t43.88\t125.32\t-\tall\n"
                + "city\t220200\t吉林市\t吉林\t吉林\t-\t43.84\t126.55\t-\tall\n";
        RegionTable table = RegionTable.load(new StringReader(regions), "regions.tsv");
        RegionResolver resolver = new RegionResolver(table,
                OutletTable.load(new StringReader("name\thome\taliases\n"), "outlets.tsv", table));
        assertThat(resolver.resolve(null, null, List.of("吉林"))).isEmpty();
        assertThat(resolver.resolve(null, null, List.of("吉林市"))).map(Region::city).contains("吉林");
        assertThat(resolver.resolve(null, null, List.of("吉林省"))).map(Region::code).contains("220000");
        assertThat(RESOLVER.resolve(null, null, List.of("吉林"))).as("the same in the bundled table").isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({"苏州, 江苏, 苏州, 320500", "宜昌, 湖北, 宜昌, 420500", "喀什, 新疆, 喀什, 653100", "喀什市, 新疆, 喀什, 653100",
        "苏州市, 江苏, 苏州, 320500", "昆山, 江苏, 苏州, 320500", "姑苏区, 江苏, 苏州, 320500", "长沙, 湖南, 长沙, 430100",
        "海淀区, 北京, 北京, 110100", "仙桃, 湖北, 仙桃, 429004", "台北, 台湾, 台北, 710000"})
    void placesNationwideResolveToTheirProvinceCityAndCode(String word, String province, String city, String code) {
        Region region = resolve(null, null, word).orElseThrow();
        assertThat(region.province()).isEqualTo(province);
        assertThat(region.city()).isEqualTo(city);
        assertThat(region.code()).isEqualTo(code);
        assertThat(region.location()).isEqualTo(TABLE.city(city).orElseThrow().location());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"河南, 河南, 410000", "海南, 海南, 460000", "新疆, 新疆, 650000", "北京, 北京, 110000"})
    void provinceNamesResolveToTheProvinceWithItsCode(String word, String province, String code) {
        assertThat(resolve(null, null, word)).contains(province(province));
        assertThat(resolve(null, null, word).map(Region::code)).contains(code);
    }

    @Test
    void aFullNameThatPlacesInSeveralCitiesShareCountsOnlyWhereTheOtherEvidencePicksOne() {
        assertThat(resolve(null, null, "朝阳区")).as("北京 or 长春: no guess").isEmpty();
        assertThat(resolve(null, null, "北京", "朝阳区", "朝阳区")).contains(city("北京"));
        assertThat(resolve(null, null, "朝阳区", "长春")).contains(city("长春"));
        assertThat(resolve(new Region("吉林", null, null), null, "朝阳区")).contains(city("长春"));
        assertThat(resolve(null, "北京日报", "朝阳区")).as("an unknown outlet is no evidence").isEmpty();
        assertThat(resolve(new Region("广东", null, null), null, "白云区")).contains(city("广州"));
        assertThat(resolve(new Region("贵州", null, null), null, "白云区")).contains(city("贵阳"));
        assertThat(resolve(null, null, "广东", "南山区")).contains(city("深圳"));
        assertThat(resolve(null, null, "南山区")).isEmpty();
        assertThat(resolve(null, null, "山东", "市中区")).as("济南 and 枣庄 both have one").contains(province("山东"));
        assertThat(resolve(null, "深圳特区报", "南山区", "白云区")).as("only the outlet's city counts").contains(city("深圳"));
    }

    @Test
    void commonWordsAreNotPlaces() {
        assertThat(resolve(null, null, "加强", "合作", "保护", "资源", "比如", "公安", "部门", "东方", "南部", "和平", "发展", "城区",
                "郊区", "光明", "安康", "互助", "前进", "长寿", "凤凰", "阿里")).isEmpty();
        assertThat(resolve(null, null, "合作", "资源", "宜昌")).contains(city("宜昌"));
        assertThat(resolve(null, null, "合作市")).as("in full, the city of 甘南").map(Region::city).contains("甘南");
    }

    @Test
    void oneResolverGivesTheSameAnswersFromSeveralThreads() {
        List<String> words = List.of("广州", "深圳", "南山区", "福田", "杭州", "朝阳区");
        Region expected = resolve(null, null, words.toArray(String[]::new)).orElseThrow();
        List<Optional<Region>> results = IntStream.range(0, 2000).parallel()
                .mapToObj(i -> RESOLVER.resolve(i % 2 == 0 ? null : new Region("广东", null, null), null, words))
                .toList();
        assertThat(results).containsOnly(Optional.of(expected));
    }

    @Test
    void thePlacesAPostNamesAreTheProvincesAndCitiesItNamesEachOnceNotItsDistrictsOrCounties() {
        assertThat(RESOLVER.placesNamed(List.of("深圳", "课后服务", "天河区", "广东", "深圳市", "惠民", "成都")))
                .containsExactly(new Region("广东", "深圳", null), new Region("广东", null, null), new Region("四川", "成都", null));
        assertThat(RESOLVER.placesNamed(List.of("课后服务", "涨价"))).isEmpty();
    }
}
