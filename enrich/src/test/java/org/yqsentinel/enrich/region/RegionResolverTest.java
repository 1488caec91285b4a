package org.yqsentinel.enrich.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yqsentinel.enrich.region.RegionTableTest.assertInGuangdong;

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

class RegionResolverTest {

    private static final RegionTable TABLE = RegionTable.bundled();
    private static final RegionResolver RESOLVER = new RegionResolver(TABLE);

    private static Optional<Region> resolve(Region declared, String source, String... words) {
        return RESOLVER.resolve(declared, source, List.of(words));
    }

    private static Region province(String province) {
        return new Region(province, null, TABLE.place(province).orElseThrow().location());
    }

    private static Region city(String city) {
        Place place = TABLE.place(city).orElseThrow();
        return new Region(place.province(), city, place.location());
    }

    static List<String> guangdongCities() {
        return RegionTableTest.GUANGDONG_CITIES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guangdongCities")
    void everyGuangdongCityNamedInTheTextResolvesToItselfWithItsCoordinates(String city) {
        Region region = resolve(null, null, city).orElseThrow();
        assertThat(region).isEqualTo(city(city));
        assertThat(region.province()).isEqualTo("广东");
        assertInGuangdong(region.location());
        assertThat(resolve(null, null, city + "市")).contains(region);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"天河区, 广州", "天河, 广州", "番禺, 广州", "白云区, 广州", "南山区, 深圳", "福田, 深圳", "宝安, 深圳",
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
        assertThat(resolve(new Region("广东", null, gps), null, "深圳")).contains(new Region("广东", "深圳", gps));
    }

    @Test
    void aDeclaredCityOfAnotherProvinceIsIgnoredAndAnUnknownOneKept() {
        assertThat(resolve(new Region("广东", "杭州", null), null, "深圳")).contains(city("深圳"));
        assertThat(resolve(new Region("浙江", "宁波", null), null, "杭州"))
                .contains(new Region("浙江", "宁波", TABLE.place("浙江").orElseThrow().location()));
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
        assertThat(resolve(null, null, "广州", "深圳", "南山区", "福田")).contains(city("深圳"));
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
        String regions = "level\tname\tshort\tprovince\tcity\tlat\tlon\taliases\ttext\n"
                + "province\t吉林省\t吉林\t-\t-\t43.88\t125.32\t-\tall\n"
                + "city\t吉林市\t吉林\t吉林\t-\t43.84\t126.55\t-\tall\n";
        RegionTable table = RegionTable.load(new StringReader(regions), "regions.tsv",
                new StringReader("name\thome\taliases\n"), "outlets.tsv");
        RegionResolver resolver = new RegionResolver(table);
        assertThat(resolver.resolve(null, null, List.of("吉林"))).isEmpty();
        assertThat(resolver.resolve(null, null, List.of("吉林市"))).map(Region::city).contains("吉林");
        assertThat(table.place("吉林")).map(Place::level).contains(Level.PROVINCE);
    }

    @Test
    void oneResolverGivesTheSameAnswersFromSeveralThreads() {
        List<String> words = List.of("广州", "深圳", "南山区", "福田", "杭州");
        Region expected = resolve(null, null, words.toArray(String[]::new)).orElseThrow();
        List<Optional<Region>> results = IntStream.range(0, 2000).parallel()
                .mapToObj(i -> RESOLVER.resolve(i % 2 == 0 ? null : new Region("广东", null, null), null, words))
                .toList();
        assertThat(results).containsOnly(Optional.of(expected));
    }
}
