package org.yqsentinel.enrich.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yqsentinel.model.region.Level;
import org.yqsentinel.model.region.Place;
import org.yqsentinel.model.region.RegionTable;
import org.yqsentinel.model.region.RegionTableException;

class OutletTableTest {

    private static final OutletTable OUTLETS = OutletTable.bundled();
    private static final String OUTLETS_HEADER = "name\thome\taliases\n";

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"广州日报, 广州", "信息时报, 广州",
        "深圳特区报, 深圳", "深圳晚报, 深圳", "珠海特区报, 珠海", "汕头日报, 汕头", "佛山日报, 佛山", "珠江时报, 佛山",
        "'@深圳特区报', 深圳", "长江日报, 武汉"})
    void outletsAreAtHomeInTheirCity(String outlet, String city) {
        assertThat(OUTLETS.home(outlet)).map(Place::city).contains(city);
    }

    @ParameterizedTest
    @CsvSource({"南方日报", "南方都市报", "南都", "羊城晚报", "' 羊城晚报 '"})
    void provinceWidePapersAreAtHomeInTheProvinceSoTheTextPicksTheCity(String outlet) {
        Place home = OUTLETS.home(outlet).orElseThrow();
        assertThat(home.level()).isEqualTo(Level.PROVINCE);
        assertThat(home.province()).isEqualTo("广东");
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({"深圳发布, CITY, 深圳", "@深圳发布, CITY, 深圳", "深圳市发布, CITY, 深圳", "中国广州发布, CITY, 广州",
        "珠海发布, CITY, 珠海", "杭州发布, CITY, 杭州", "天河发布, DISTRICT, 广州", "广东发布, PROVINCE, ",
        "苏州发布, CITY, 苏州", "喀什发布, CITY, 喀什", "海淀发布, DISTRICT, 北京"})
    void governmentAccountsNamedAfterAPlaceAreAtHomeThere(String account, Level level, String city) {
        Place home = OUTLETS.home(account).orElseThrow();
        assertThat(home.level()).isEqualTo(level);
        assertThat(home.city()).isEqualTo(city);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"人民日报", "新华社", "新发布", "最新发布", "发布", "中国发布", "某某发布", "南山区发布", "朝阳发布", "东方发布"})
    void otherSourcesAndAccountsNamedAfterASharedNameHaveNoHome(String source) {
        assertThat(OUTLETS.home(source)).isEmpty();
    }

    @Test
    void aHomeMayBeWrittenAsACode() {
        OutletTable table = load(OUTLETS_HEADER + "南山日报\t440305\t-\n");
        assertThat(table.home("南山日报")).map(Place::city).contains("深圳");
    }

    static Stream<Arguments> brokenOutletFiles() {
        return Stream.of(
                arguments("an unknown home", "南方日报\t火星\t-\n", "outlets.tsv:2: unknown home \"火星\" (a name or code of regions.tsv)"),
                arguments("a home several places share", "南山日报\t南山区\t-\n", "outlets.tsv:2: home \"南山区\" means several places: "
                        + "南山区 (黑龙江 鹤岗, 230404), 南山区 (广东 深圳, 440305); write the code of one"),
                arguments("a name twice", "南方日报\t广州\t-\n广州日报\t广州\t南方日报\n",
                        "outlets.tsv:3: duplicate outlet \"南方日报\" (first on line 2)"),
                arguments("a missing column", "南方日报\t广州\n", "outlets.tsv:2: expected 3 tab-separated columns, found 2"),
                arguments("no name", "-\t广州\t-\n", "outlets.tsv:2: an outlet needs a name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenOutletFiles")
    void theLoaderRefusesABrokenOutletRowNamingFileAndLine(String what, String rows, String message) {
        assertThatThrownBy(() -> load(OUTLETS_HEADER + rows)).isInstanceOf(RegionTableException.class).hasMessage(message);
    }

    @Test
    void theBundledTableIsReadOnce() {
        assertThat(OutletTable.bundled()).isSameAs(OUTLETS);
    }

    private static OutletTable load(String outlets) {
        return OutletTable.load(new StringReader(outlets), "outlets.tsv", RegionTable.bundled());
    }
}
