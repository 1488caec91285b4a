package org.yqsentinel.enrich.region;

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

class RegionTableTest {

    static final List<String> GUANGDONG_CITIES = List.of("广州", "深圳", "珠海", "汕头", "佛山", "韶关", "湛江",
            "肇庆", "江门", "茂名", "惠州", "梅州", "汕尾", "河源", "阳江", "清远", "东莞", "中山", "潮州", "揭阳", "云浮");

    private static final RegionTable TABLE = RegionTable.bundled();

    private static final String REGIONS_HEADER = "# test table\nlevel\tname\tshort\tprovince\tcity\tlat\tlon\taliases\ttext\n";
    private static final String GUANGDONG = "province\t广东省\t广东\t-\t-\t23.13\t113.26\t粤\tall\n";
    private static final String ZHEJIANG = "province\t浙江省\t浙江\t-\t-\t30.27\t120.15\t浙\tall\n";
    private static final String GUANGZHOU = "city\t广州市\t广州\t广东\t-\t23.13\t113.26\t穗\tall\n";
    private static final String OUTLETS_HEADER = "name\thome\taliases\n";

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
        assertThat(TABLE.place(city + "市")).contains(place);
        assertInGuangdong(place.location());
    }

    @Test
    void tableHoldsAll34ProvinceLevelDivisionsAnd21GuangdongCitiesWithOver100Districts() {
        List<Place> places = TABLE.places();
        assertThat(places).filteredOn(p -> p.level() == Level.PROVINCE).hasSize(34);
        assertThat(places).filteredOn(p -> p.level() == Level.CITY && p.province().equals("广东"))
                .extracting(Place::city).containsExactlyInAnyOrderElementsOf(GUANGDONG_CITIES);
        List<Place> districts = places.stream()
                .filter(p -> p.level() == Level.DISTRICT && p.province().equals("广东")).toList();
        assertThat(districts).hasSizeGreaterThanOrEqualTo(100);
        assertThat(districts).allSatisfy(d -> assertInGuangdong(d.location()));
        assertThat(districts).extracting(Place::city).containsAll(GUANGDONG_CITIES);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"天河区, 广州", "天河, 广州", "番禺, 广州", "白云区, 广州", "南山区, 深圳", "福田, 深圳", "宝安, 深圳",
        "龙岗, 深圳", "顺德, 佛山", "南海, 佛山", "禅城, 佛山", "香洲, 珠海", "乳源瑶族自治县, 韶关", "乳源, 韶关",
        "连山壮族瑶族自治县, 清远", "台山市, 江门", "普宁, 揭阳", "城区, 汕尾", "汕尾城区, 汕尾", "虎门, 东莞", "小榄镇, 中山"})
    void districtsCountiesAndTownsBelongToTheirGuangdongCity(String name, String city) {
        Place place = TABLE.place(name).orElseThrow();
        assertThat(place.level()).isEqualTo(Level.DISTRICT);
        assertThat(place.province()).isEqualTo("广东");
        assertThat(place.city()).isEqualTo(city);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"广东省, 广东", "广东, 广东", "粤, 广东", "广西壮族自治区, 广西", "广西, 广西", "内蒙古自治区, 内蒙古",
        "内蒙, 内蒙古", "北京市, 北京", "北京, 北京", "香港特别行政区, 香港", "香港, 香港", "澳门, 澳门", "台湾省, 台湾"})
    void provincesAreFoundByFullNameShortNameOrAlias(String name, String province) {
        Place place = TABLE.place(name).orElseThrow();
        assertThat(place.level()).isEqualTo(Level.PROVINCE);
        assertThat(place.province()).isEqualTo(province);
        assertThat(place.city()).isNull();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"杭州, 浙江", "武汉, 湖北", "成都市, 四川", "乌鲁木齐, 新疆", "拉萨, 西藏", "南宁, 广西"})
    void capitalsOfTheOtherProvincesAreCitiesOfTheirProvince(String name, String province) {
        Place place = TABLE.place(name).orElseThrow();
        assertThat(place.level()).isEqualTo(Level.CITY);
        assertThat(place.province()).isEqualTo(province);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"穗, 广州", "羊城, 广州", "花城, 广州", "鹏城, 深圳", "莞, 东莞"})
    void cityAliasesFindTheCity(String alias, String city) {
        assertThat(TABLE.place(alias)).map(Place::city).contains(city);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"火星", "广东省广州市", "江城市"})
    void unknownNamesFindNothing(String name) {
        assertThat(TABLE.place(name)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"广州日报, 广州", "信息时报, 广州",
        "深圳特区报, 深圳", "深圳晚报, 深圳", "珠海特区报, 珠海", "汕头日报, 汕头", "佛山日报, 佛山", "珠江时报, 佛山",
        "'@深圳特区报', 深圳", "长江日报, 武汉"})
    void outletsAreAtHomeInTheirCity(String outlet, String city) {
        assertThat(TABLE.outletHome(outlet)).map(Place::city).contains(city);
    }

    @ParameterizedTest
    @CsvSource({"南方日报", "南方都市报", "南都", "羊城晚报", "' 羊城晚报 '"})
    void provinceWidePapersAreAtHomeInTheProvinceSoTheTextPicksTheCity(String outlet) {
        Place home = TABLE.outletHome(outlet).orElseThrow();
        assertThat(home.level()).isEqualTo(Level.PROVINCE);
        assertThat(home.province()).isEqualTo("广东");
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({"深圳发布, CITY, 深圳", "@深圳发布, CITY, 深圳", "深圳市发布, CITY, 深圳", "中国广州发布, CITY, 广州",
        "珠海发布, CITY, 珠海", "杭州发布, CITY, 杭州", "天河发布, DISTRICT, 广州", "广东发布, PROVINCE, "})
    void governmentAccountsNamedAfterAPlaceAreAtHomeThere(String account, Level level, String city) {
        Place home = TABLE.outletHome(account).orElseThrow();
        assertThat(home.level()).isEqualTo(level);
        assertThat(home.city()).isEqualTo(city);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"人民日报", "新华社", "新发布", "最新发布", "发布", "中国发布", "某某发布"})
    void otherSourcesHaveNoHome(String source) {
        assertThat(TABLE.outletHome(source)).isEmpty();
    }

    @Test
    void aTableWithByteOrderMarkCommentsAndWindowsLineEndsLoads() {
        String regions = "\uFEFF" + (REGIONS_HEADER + GUANGDONG + GUANGZHOU).replace("\n", "\r\n");
        RegionTable table = load(regions, OUTLETS_HEADER + "南方日报\t广州\t南方+\n");
        assertThat(table.place("穗")).map(Place::name).contains("广州市");
        assertThat(table.outletHome("南方+")).map(Place::name).contains("广州市");
        assertThat(table.places()).hasSize(2);
    }

    static Stream<Arguments> brokenRegionFiles() {
        return Stream.of(
                arguments("a name twice at the same level",
                        GUANGDONG + "province\t广东\t粤东\t-\t-\t23.13\t113.26\t-\tall\n",
                        "regions.tsv:4: duplicate name \"广东\" among the province rows (first on line 3)"),
                arguments("an alias twice at the same level", GUANGDONG + GUANGZHOU
                        + "city\t深圳市\t深圳\t广东\t-\t22.54\t114.06\t穗\tall\n",
                        "regions.tsv:5: duplicate name \"穗\" among the city rows (first on line 4)"),
                arguments("an unknown province", "city\t广州市\t广州\t粤东\t-\t23.13\t113.26\t-\tall\n",
                        "regions.tsv:3: unknown province \"粤东\""),
                arguments("a child before its parent", GUANGZHOU + GUANGDONG, "regions.tsv:3: unknown province \"广东\""),
                arguments("an unknown city", GUANGDONG + "district\t顺德区\t顺德\t广东\t佛山\t22.81\t113.29\t-\tall\n",
                        "regions.tsv:4: unknown city \"佛山\""),
                arguments("a district of a city in another province", GUANGDONG + ZHEJIANG + GUANGZHOU
                        + "district\t天河区\t天河\t浙江\t广州\t23.12\t113.36\t-\tall\n",
                        "regions.tsv:6: city \"广州\" is not in province \"浙江\""),
                arguments("a district without city", GUANGDONG + "district\t天河区\t天河\t广东\t-\t23.12\t113.36\t-\tall\n",
                        "regions.tsv:4: a district needs its city"),
                arguments("coordinates that are no numbers", GUANGDONG + "city\t广州市\t广州\t广东\t-\t23,13\t113.26\t-\tall\n",
                        "regions.tsv:4: bad coordinates \"23,13\", \"113.26\""),
                arguments("lat and lon swapped", GUANGDONG + "city\t广州市\t广州\t广东\t-\t113.26\t23.13\t-\tall\n",
                        "regions.tsv:4: bad coordinates 113.26, 23.13: outside China (lat 3–54, lon 73–136); lat and lon swapped?"),
                arguments("coordinates outside China", "province\t广东省\t广东\t-\t-\t0\t0\t-\tall\n",
                        "regions.tsv:3: bad coordinates 0.0, 0.0: outside China"),
                arguments("a missing column", "province\t广东省\t广东\t-\t-\t23.13\t113.26\tall\n",
                        "regions.tsv:3: expected 9 tab-separated columns, found 8"),
                arguments("an unknown level", "county\t广东省\t广东\t-\t-\t23.13\t113.26\t-\tall\n",
                        "regions.tsv:3: unknown level \"county\" (province, city or district)"),
                arguments("a city without short name", GUANGDONG + "city\t广州市\t-\t广东\t-\t23.13\t113.26\t-\tall\n",
                        "regions.tsv:4: a city needs a short name"),
                arguments("an unknown text value", "province\t广东省\t广东\t-\t-\t23.13\t113.26\t-\tsome\n",
                        "regions.tsv:3: unknown text \"some\" (all, name or no)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRegionFiles")
    void theLoaderRefusesABrokenRegionRowNamingFileAndLine(String what, String rows, String message) {
        assertThatThrownBy(() -> load(REGIONS_HEADER + rows, OUTLETS_HEADER))
                .isInstanceOf(RegionTableException.class).hasMessageStartingWith(message);
    }

    @Test
    void theLoaderRefusesARegionFileWithoutHeader() {
        assertThatThrownBy(() -> load("# comment\n" + GUANGDONG, OUTLETS_HEADER))
                .isInstanceOf(RegionTableException.class)
                .hasMessageStartingWith("regions.tsv:2: expected the header row \"level name short");
        assertThatThrownBy(() -> load("", OUTLETS_HEADER))
                .isInstanceOf(RegionTableException.class).hasMessageStartingWith("regions.tsv:1: no header row");
    }

    static Stream<Arguments> brokenOutletFiles() {
        return Stream.of(
                arguments("an unknown home", "南方日报\t火星\t-\n", "outlets.tsv:2: unknown home \"火星\" (a name of regions.tsv)"),
                arguments("a name twice", "南方日报\t广州\t-\n广州日报\t广州\t南方日报\n",
                        "outlets.tsv:3: duplicate outlet \"南方日报\" (first on line 2)"),
                arguments("a missing column", "南方日报\t广州\n", "outlets.tsv:2: expected 3 tab-separated columns, found 2"),
                arguments("no name", "-\t广州\t-\n", "outlets.tsv:2: an outlet needs a name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenOutletFiles")
    void theLoaderRefusesABrokenOutletRowNamingFileAndLine(String what, String rows, String message) {
        assertThatThrownBy(() -> load(REGIONS_HEADER + GUANGDONG + GUANGZHOU, OUTLETS_HEADER + rows))
                .isInstanceOf(RegionTableException.class).hasMessage(message);
    }

    @Test
    void theBundledTableIsReadOnce() {
        assertThat(RegionTable.bundled()).isSameAs(TABLE);
    }

    static RegionTable load(String regions, String outlets) {
        return RegionTable.load(new StringReader(regions), "regions.tsv", new StringReader(outlets), "outlets.tsv");
    }
}
