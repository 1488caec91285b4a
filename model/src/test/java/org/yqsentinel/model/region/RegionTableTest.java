package org.yqsentinel.model.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yqsentinel.model.GeoPoint;
import org.yqsentinel.model.Region;

class RegionTableTest {

    static final List<String> GUANGDONG_CITIES = List.of("广州", "深圳", "珠海", "汕头", "佛山", "韶关", "湛江",
            "肇庆", "江门", "茂名", "惠州", "梅州", "汕尾", "河源", "阳江", "清远", "东莞", "中山", "潮州", "揭阳", "云浮");

    private static final RegionTable TABLE = RegionTable.bundled();

    private static final String REGIONS_HEADER = "# test table\nlevel\tcode\tname\tshort\tprovince\tcity\tlat\tlon\taliases\ttext\n";
    private static final String GUANGDONG = "province\t440000\t广东省\t广东\t-\t-\t23.13\t113.26\t粤\tall\n";
    private static final String ZHEJIANG = "province\t330000\t浙江省\t浙江\t-\t-\t30.27\t120.15\t浙\tall\n";
    private static final String GUANGZHOU = "city\t440100\t广州市\t广州\t广东\t-\t23.13\t113.26\t穗\tall\n";

    static void assertInGuangdong(GeoPoint point) {
        assertThat(point.lat()).isBetween(20.0, 26.0);
        assertThat(point.lon()).isBetween(109.0, 118.0);
    }

    static Stream<String> guangdongCities() {
        return GUANGDONG_CITIES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guangdongCities")
    void everyGuangdongCityIsFoundByShortAndFullNameWithCoordinatesInsideGuangdong(String city) {
        Place place = TABLE.place(city).orElseThrow();
        assertThat(place.level()).isEqualTo(Level.CITY);
        assertThat(place.name()).isEqualTo(city + "市");
        assertThat(place.province()).isEqualTo("广东");
        assertThat(place.city()).isEqualTo(city);
        assertThat(place.code()).startsWith("44").endsWith("00");
        assertThat(TABLE.place(city + "市")).contains(place);
        assertInGuangdong(place.location());
    }

    @Test
    void tableHoldsEveryProvinceCityAndCountyLevelDivisionOfChinaWithItsCode() {
        List<Place> places = TABLE.places();
        assertThat(places).filteredOn(p -> p.level() == Level.PROVINCE).hasSize(34);
        assertThat(places).filteredOn(p -> p.level() == Level.CITY && p.province().equals("广东"))
                .extracting(Place::city).containsExactlyInAnyOrderElementsOf(GUANGDONG_CITIES);
        assertThat(places).filteredOn(p -> p.level() == Level.CITY).hasSizeGreaterThan(380);
        assertThat(places).filteredOn(p -> p.level() == Level.DISTRICT).hasSizeGreaterThan(2800);
        List<Place> districts = places.stream()
                .filter(p -> p.level() == Level.DISTRICT && p.province().equals("广东")).toList();
        assertThat(districts).hasSizeGreaterThanOrEqualTo(122);
        assertThat(districts).allSatisfy(d -> assertInGuangdong(d.location()));
        assertThat(districts).extracting(Place::city).containsAll(GUANGDONG_CITIES);
        assertThat(places).as("only the cities of 台湾 and the towns of 东莞 and 中山 have no GB/T 2260 code")
                .filteredOn(p -> p.code() == null)
                .allMatch(p -> p.province().equals("台湾") || p.city().equals("东莞") || p.city().equals("中山"));
    }

    @Test
    void everyPlaceIsNearItsCityAndEveryCityNearItsProvincesCapital() {
        for (Place place : TABLE.places()) {
            Place city = TABLE.cityOf(place).orElse(place);
            double limit = city.city() != null && city.city().equals("三沙") ? 12.0 : 8.0;  // 西沙 to 南沙: 800 miles of sea
            assertThat(degrees(place.location(), city.location())).as(place.describe()).isLessThan(limit);
            Place capital = TABLE.province(place.province()).orElseThrow();
            assertThat(degrees(place.location(), capital.location())).as(place.describe()).isLessThan(25.0);
        }
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({"苏州, 江苏, 320500, 31.30, 120.62", "宜昌, 湖北, 420500, 30.69, 111.29", "喀什, 新疆, 653100, 39.47, 75.99",
        "苏州市, 江苏, 320500, 31.30, 120.62", "喀什地区, 新疆, 653100, 39.47, 75.99", "恩施土家族苗族自治州, 湖北, 422800, 30.27, 109.49",
        "仙桃, 湖北, 429004, 30.36, 113.45", "台北, 台湾, , 25.04, 121.51"})
    void citiesNationwideAreFoundWithTheirProvinceCodeAndAPointNearTheirSeat(String name, String province, String code,
                                                                            double lat, double lon) {
        Place place = TABLE.place(name).orElseThrow();
        assertThat(place.level()).isEqualTo(Level.CITY);
        assertThat(place.province()).isEqualTo(province);
        assertThat(place.code()).isEqualTo(code);
        assertThat(degrees(place.location(), new GeoPoint(lat, lon))).isLessThan(0.3);
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({"天河区, 广州, 440106", "天河, 广州, 440106", "番禺, 广州, 440113", "越秀区, 广州, 440104", "福田, 深圳, 440304",
        "宝安, 深圳, 440306", "龙岗, 深圳, 440307", "顺德, 佛山, 440606", "南海, 佛山, 440605", "禅城, 佛山, 440604",
        "香洲, 珠海, 440402", "乳源瑶族自治县, 韶关, 440232", "乳源, 韶关, 440232", "连山壮族瑶族自治县, 清远, 441825",
        "台山市, 江门, 440781", "普宁, 揭阳, 445281", "汕尾城区, 汕尾, 441502", "虎门, 东莞, ", "小榄镇, 中山, "})
    void districtsCountiesAndTownsBelongToTheirGuangdongCity(String name, String city, String code) {
        Place place = TABLE.place(name).orElseThrow();
        assertThat(place.level()).isEqualTo(Level.DISTRICT);
        assertThat(place.province()).isEqualTo("广东");
        assertThat(place.city()).isEqualTo(city);
        assertThat(place.code()).isEqualTo(code);
        assertThat(TABLE.cityOf(place).map(Place::city)).contains(city);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"广东省, 广东", "广东, 广东", "粤, 广东", "广西壮族自治区, 广西", "广西, 广西", "内蒙古自治区, 内蒙古",
        "内蒙, 内蒙古", "北京市, 北京", "北京, 北京", "香港特别行政区, 香港", "香港, 香港", "澳门, 澳门", "台湾省, 台湾",
        "新疆维吾尔自治区, 新疆", "吉林, 吉林"})
    void provincesAreFoundByFullNameShortNameOrAlias(String name, String province) {
        Place place = TABLE.place(name).orElseThrow();
        assertThat(place.level()).isEqualTo(Level.PROVINCE);
        assertThat(place.province()).isEqualTo(province);
        assertThat(place.city()).isNull();
        assertThat(place.code()).endsWith("0000");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"杭州, 浙江", "武汉, 湖北", "成都市, 四川", "乌鲁木齐, 新疆", "拉萨, 西藏", "南宁, 广西", "吉林市, 吉林"})
    void capitalsAndOtherCitiesAreCitiesOfTheirProvince(String name, String province) {
        Place place = TABLE.place(name).orElseThrow();
        assertThat(place.level()).isEqualTo(Level.CITY);
        assertThat(place.province()).isEqualTo(province);
    }

    @Test
    void aProvinceStandsAtItsCapitalAndAMunicipalityIsAlsoItsOwnCity() {
        assertThat(TABLE.province("湖北").orElseThrow().location()).isEqualTo(TABLE.city("武汉").orElseThrow().location());
        Place beijing = TABLE.city("北京").orElseThrow();
        assertThat(beijing.code()).isEqualTo("110100");
        assertThat(beijing.province()).isEqualTo("北京");
        assertThat(TABLE.place("海淀区").flatMap(TABLE::cityOf)).contains(beijing);
        assertThat(TABLE.place("城口县").flatMap(TABLE::cityOf).map(Place::city)).as("a county of 重庆").contains("重庆");
        assertThat(degrees(beijing.location(), new GeoPoint(39.93, 116.40))).as("downtown, not the mountains").isLessThan(0.1);
    }

    @Test
    void aNameSharedByPlacesOfOneCityMeansTheHighestAndByPlacesOfSeveralCitiesNone() {
        assertThat(TABLE.place("长沙")).map(Place::name).contains("长沙市");
        assertThat(TABLE.places("长沙")).extracting(Place::name).containsExactly("长沙市", "长沙县");
        assertThat(TABLE.place("南山区")).isEmpty();
        assertThat(TABLE.places("南山区")).extracting(Place::city).containsExactlyInAnyOrder("鹤岗", "深圳");
        assertThat(TABLE.byCode("440305")).map(Place::describe).contains("南山区 (广东 深圳, 440305)");
        assertThat(TABLE.place("白云区")).isEmpty();
        assertThat(TABLE.places("白云区")).extracting(Place::city).containsExactly("广州", "贵阳");
        assertThat(TABLE.place("城区")).isEmpty();
        assertThat(TABLE.places("城区")).extracting(Place::city).contains("阳泉", "晋城", "汕尾");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"穗, 广州", "羊城, 广州", "花城, 广州", "鹏城, 深圳", "莞, 东莞", "蓉, 成都"})
    void cityAliasesFindTheCity(String alias, String city) {
        assertThat(TABLE.place(alias)).map(Place::city).contains(city);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"火星", "广东省广州市", "江城市", "苏洲"})
    void unknownNamesFindNothing(String name) {
        assertThat(TABLE.place(name)).isEmpty();
        assertThat(TABLE.places(name)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"苏州, 苏州市", "宜昌, 宜昌市", "喀什, 喀什地区", "喀什市, 喀什地区", "长沙, 长沙市", "长沙县, 长沙市", "天河, 广州市",
        "海淀区, 北京市", "河南, 河南省", "海南, 海南省", "河北, 河北省", "大同, 大同市", "中山, 中山市", "北京, 北京市",
        "海南藏族自治州, 海南藏族自治州", "大同区, 大庆市"})
    void aWordOfTheTextIsEvidenceOfOnePlaceAndItsRegion(String word, String region) {
        Place place = TABLE.textPlace(word).orElseThrow();
        assertThat(TABLE.cityOf(place).orElse(place).name()).isEqualTo(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"吉林", "朝阳", "朝阳区", "南山", "南山区", "白云", "鼓楼", "市中区", "城区", "郊区", "和平", "合作",
        "资源", "比如", "东方", "公安", "南部", "光明", "新兴", "南海", "东区", "老城区", "江南", "中原", "粤", "穗", "京", "火星", ""})
    void commonWordsSharedNamesAndOneCharacterNamesAreNoEvidenceOnTheirOwn(String word) {
        assertThat(TABLE.textPlace(word)).isEmpty();
    }

    @Test
    void aFullNameThatPlacesInSeveralCitiesShareIsACandidateForEach() {
        assertThat(TABLE.textCandidates("朝阳区")).extracting(Place::city).containsExactly("北京", "长春");
        assertThat(TABLE.textCandidates("白云区")).as("a full name, but 白云 is a common word: still a full name")
                .extracting(Place::city).containsExactly("广州", "贵阳");
        assertThat(TABLE.textCandidates("朝阳")).as("short forms are never candidates").isEmpty();
        assertThat(TABLE.textCandidates("城区")).as("a common word").isEmpty();
        assertThat(TABLE.textCandidates("天河区")).as("one place: no candidates, evidence").isEmpty();
    }

    @Test
    void aRegionCarriesTheCodeOfItsCityOrOfItsProvince() {
        assertThat(TABLE.region(TABLE.city("广州").orElseThrow(), null))
                .isEqualTo(new Region("广东", "广州", "440100", TABLE.city("广州").orElseThrow().location()));
        GeoPoint gps = new GeoPoint(22.60, 114.10);
        assertThat(TABLE.region(TABLE.province("广东").orElseThrow(), gps)).isEqualTo(new Region("广东", null, "440000", gps));
        assertThat(TABLE.region(TABLE.city("台北").orElseThrow(), null).code()).isEqualTo("710000");
        assertThatThrownBy(() -> TABLE.region(TABLE.byCode("440106").orElseThrow(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTableWithByteOrderMarkCommentsAndWindowsLineEndsLoads() {
        String regions = "\uFEFF" + (REGIONS_HEADER + GUANGDONG + GUANGZHOU).replace("\n", "\r\n");
        RegionTable table = load(regions);
        assertThat(table.place("穗")).map(Place::name).contains("广州市");
        assertThat(table.byCode("440100")).map(Place::name).contains("广州市");
        assertThat(table.places()).hasSize(2);
    }

    @Test
    void aNameSharedByAProvinceAndACityIsNoEvidenceInText() {
        RegionTable table = load(REGIONS_HEADER + "province\t220000\t吉林省\t吉林\t-\t-\t43.88\t125.32\t-\tall\n"
                + "city\t220200\t吉林市\t吉林\t吉林\t-\t43.84\t126.55\t-\tall\n");
        assertThat(table.textPlace("吉林")).isEmpty();
        assertThat(table.textPlace("吉林市")).map(Place::level).contains(Level.CITY);
        assertThat(table.place("吉林")).map(Place::level).contains(Level.PROVINCE);
    }

    static Stream<Arguments> brokenRegionFiles() {
        return Stream.of(
                arguments("a name twice at the same level",
                        GUANGDONG + "province\t450000\t广东\t粤东\t-\t-\t23.13\t113.26\t-\tall\n",
                        "regions.tsv:4: duplicate name \"广东\" among the province rows (first on line 3)"),
                arguments("an alias twice at the same level", GUANGDONG + GUANGZHOU
                        + "city\t440300\t深圳市\t深圳\t广东\t-\t22.54\t114.06\t穗\tall\n",
                        "regions.tsv:5: duplicate name \"穗\" among the city rows (first on line 4)"),
                arguments("a district twice in one city", GUANGDONG + GUANGZHOU
                        + "district\t440106\t天河区\t天河\t广东\t广州\t23.12\t113.36\t-\tall\n"
                        + "district\t440199\t天河区\t-\t广东\t广州\t23.12\t113.36\t-\tall\n",
                        "regions.tsv:6: duplicate name \"天河区\" among the districts of 广州 (first on line 5)"),
                arguments("an unknown province", "city\t440100\t广州市\t广州\t粤东\t-\t23.13\t113.26\t-\tall\n",
                        "regions.tsv:3: unknown province \"粤东\""),
                arguments("a child before its parent", GUANGZHOU + GUANGDONG, "regions.tsv:3: unknown province \"广东\""),
                arguments("an unknown city", GUANGDONG + "district\t440606\t顺德区\t顺德\t广东\t佛山\t22.81\t113.29\t-\tall\n",
                        "regions.tsv:4: unknown city \"佛山\""),
                arguments("a district of a city in another province", GUANGDONG + ZHEJIANG + GUANGZHOU
                        + "district\t440106\t天河区\t天河\t浙江\t广州\t23.12\t113.36\t-\tall\n",
                        "regions.tsv:6: city \"广州\" is not in province \"浙江\""),
                arguments("a district without city", GUANGDONG + "district\t440106\t天河区\t天河\t广东\t-\t23.12\t113.36\t-\tall\n",
                        "regions.tsv:4: a district needs its city"),
                arguments("a code that is no code", GUANGDONG + "city\t4401\t广州市\t广州\t广东\t-\t23.13\t113.26\t-\tall\n",
                        "regions.tsv:4: bad code \"4401\": a six-digit GB/T 2260 code"),
                arguments("a code twice", GUANGDONG + GUANGZHOU + "city\t440100\t深圳市\t深圳\t广东\t-\t22.54\t114.06\t-\tall\n",
                        "regions.tsv:5: code 440100 twice (first on line 4)"),
                arguments("a province's code not ending in 0000", "province\t440100\t广东省\t广东\t-\t-\t23.13\t113.26\t-\tall\n",
                        "regions.tsv:3: code 440100 is no province's"),
                arguments("a city's code of another province", GUANGDONG + "city\t330100\t广州市\t广州\t广东\t-\t23.13\t113.26\t-\tall\n",
                        "regions.tsv:4: code 330100 is not in province 广东 (440000)"),
                arguments("a district's code of another city", GUANGDONG + GUANGZHOU
                        + "district\t440306\t天河区\t天河\t广东\t广州\t23.12\t113.36\t-\tall\n",
                        "regions.tsv:5: code 440306 is not in city 广州 (440100)"),
                arguments("coordinates that are no numbers", GUANGDONG + "city\t440100\t广州市\t广州\t广东\t-\t23,13\t113.26\t-\tall\n",
                        "regions.tsv:4: bad coordinates \"23,13\", \"113.26\""),
                arguments("lat and lon swapped", GUANGDONG + "city\t440100\t广州市\t广州\t广东\t-\t113.26\t23.13\t-\tall\n",
                        "regions.tsv:4: bad coordinates 113.26, 23.13: outside China (lat 3–54, lon 73–136); lat and lon swapped?"),
                arguments("coordinates outside China", "province\t440000\t广东省\t广东\t-\t-\t0\t0\t-\tall\n",
                        "regions.tsv:3: bad coordinates 0.0, 0.0: outside China"),
                arguments("a missing column", "province\t440000\t广东省\t广东\t-\t-\t23.13\t113.26\tall\n",
                        "regions.tsv:3: expected 10 tab-separated columns, found 9"),
                arguments("an unknown level", "county\t440000\t广东省\t广东\t-\t-\t23.13\t113.26\t-\tall\n",
                        "regions.tsv:3: unknown level \"county\" (province, city or district)"),
                arguments("a city without short name", GUANGDONG + "city\t440100\t广州市\t-\t广东\t-\t23.13\t113.26\t-\tall\n",
                        "regions.tsv:4: a city needs a short name"),
                arguments("an unknown text value", "province\t440000\t广东省\t广东\t-\t-\t23.13\t113.26\t-\tsome\n",
                        "regions.tsv:3: unknown text \"some\" (all, name or no)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRegionFiles")
    void theLoaderRefusesABrokenRegionRowNamingFileAndLine(String what, String rows, String message) {
        assertThatThrownBy(() -> load(REGIONS_HEADER + rows))
                .isInstanceOf(RegionTableException.class).hasMessageStartingWith(message);
    }

    @Test
    void theLoaderRefusesARegionFileWithoutHeader() {
        assertThatThrownBy(() -> load("# comment\n" + GUANGDONG))
                .isInstanceOf(RegionTableException.class)
                .hasMessageStartingWith("regions.tsv:2: expected the header row \"level code name short");
        assertThatThrownBy(() -> load("")).isInstanceOf(RegionTableException.class)
                .hasMessageStartingWith("regions.tsv:1: no header row");
    }

    @Test
    void theBundledTableIsReadOnce() {
        assertThat(RegionTable.bundled()).isSameAs(TABLE);
    }

    static RegionTable load(String regions) {
        return RegionTable.load(new StringReader(regions), "regions.tsv");
    }

    /** Distance in degrees, longitude scaled by the latitude: enough to say "near". */
    private static double degrees(GeoPoint a, GeoPoint b) {
        return Math.hypot(a.lat() - b.lat(), (a.lon() - b.lon()) * Math.cos(Math.toRadians(a.lat())));
    }
}
