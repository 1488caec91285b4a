package org.yqsentinel.report.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.Zones;
import org.yqsentinel.report.CaseFile;
import org.yqsentinel.report.SampleCase;

class CaseBriefTest {

    private static final Instant GENERATED = SampleCase.beijing(5, 9, 30);
    private static final CaseBrief BRIEF = new CaseBrief();
    private static final CaseFile FILE = SampleCase.file();
    private static final String HTML = BRIEF.html(FILE, GENERATED);
    private static final Document DOCUMENT = Jsoup.parse(HTML);

    @Test
    void isAnHtml5DocumentInUtf8AndChinese() {
        assertThat(HTML).startsWith("<!DOCTYPE html>");
        assertThat(DOCUMENT.selectFirst("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
        assertThat(DOCUMENT.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(DOCUMENT.title()).contains("舆情简报", SampleCase.TITLE);
    }

    @Test
    void headerNamesThePolicyItsDocumentNumberAndTheCase() {
        Element header = DOCUMENT.selectFirst("header");
        assertThat(header.selectFirst("h1").text()).isEqualTo(SampleCase.TITLE);
        assertThat(header.text()).contains("舆情简报", SampleCase.DOCUMENT_NUMBER, SampleCase.ISSUING_OFFICE, SampleCase.DEPARTMENT,
                FILE.caseRecord().id(), FILE.caseRecord().status().label(), "2026年3月5日 09:30");
        assertThat(header.select(".tier")).hasSize(2).allSatisfy(badge -> {
            assertThat(badge.text()).isEqualTo(FILE.caseRecord().currentTier().label());
            assertThat(badge.attr("style")).contains("background:");
        });
    }

    @Test
    void sectionsComeInTheOrderOfABrief() {
        assertThat(DOCUMENT.select("h2").eachText())
                .containsExactly("一、事件概况", "二、时间线", "三、传播分析", "四、网民观点", "五、风险研判", "六、处置情况", "七、回应与评估");
        assertThat(DOCUMENT.selectFirst("#overview").text()).contains(String.valueOf(FILE.posts().size()), "74.5", "江城发布");
    }

    @Test
    void theResponseIsShownWithThePostsBeforeAndAfterItAndTheCasesStage() {
        Element section = DOCUMENT.getElementById("response");
        assertThat(section.select("table.responses tbody tr")).hasSize(1);
        assertThat(section.text()).contains("官方微博", "市教育局新闻办", "weibo.com/jcjyj/5012",
                "6 小时 120 条（每小时 20 条，负面 45%）", "6 小时 30 条（每小时 5 条，负面 20%）", "-75%", "案件阶段：评估");
    }

    @Test
    void timelineHasOneBarPerHourWithPostsInTheDistinctiveColour() {
        Element chart = DOCUMENT.getElementById(CaseBrief.TIMELINE_CHART_ID);
        assertThat(chart.tagName()).isEqualTo("svg");
        Set<LocalDateTime> hoursWithPosts = FILE.posts().stream()
                .map(post -> LocalDateTime.ofInstant(post.item().publishedAt(), Zones.BEIJING).truncatedTo(ChronoUnit.HOURS))
                .collect(Collectors.toSet());
        assertThat(chart.select("rect.posts-bar")).hasSize(hoursWithPosts.size())
                .allSatisfy(bar -> assertThat(bar.attr("fill")).isEqualTo(CaseBrief.POSTS_BAR_FILL));
        assertThat(DOCUMENT.select("[fill=" + CaseBrief.POSTS_BAR_FILL + "]").not(".posts-bar")).hasSize(1)
                .allSatisfy(other -> assertThat(other.hasClass("swatch")).isTrue());
        assertThat(chart.select(".negative-line polyline, .score-line polyline")).isNotEmpty();
    }

    @Test
    void timelineMarksEveryAlertEventInItsTiersColour() {
        List<Element> markers = DOCUMENT.getElementById(CaseBrief.TIMELINE_CHART_ID).select("g.alert-marker");
        assertThat(markers).hasSize(FILE.alerts().size());
        assertThat(markers).extracting(marker -> marker.attr("data-tier")).containsExactly("IV", "III", "II");
        assertThat(markers).extracting(marker -> marker.selectFirst("line").attr("stroke")).doesNotHaveDuplicates();
        assertThat(markers.get(2).text()).contains("Ⅱ级");
    }

    @Test
    void timeAxisIsLabelledInBeijingTime() {
        List<String> times = DOCUMENT.getElementById(CaseBrief.TIMELINE_CHART_ID).select("text.axis").eachText().stream()
                .filter(label -> label.matches("\\d\\d:\\d\\d")).toList();
        // the posts run from 09:05 on the 3rd to 20:50 on the 4th, Beijing time: ticks fall on round Beijing hours
        assertThat(times).isNotEmpty().allSatisfy(time -> assertThat(time).isIn("00:00", "06:00", "12:00", "18:00"));
        assertThat(DOCUMENT.getElementById(CaseBrief.TIMELINE_CHART_ID).text()).contains("3月3日", "3月4日", "北京时间");
    }

    @Test
    void tierChangesAreListedWithTheirDeadlinesAndAcknowledgement() {
        List<Element> rows = DOCUMENT.select("table.tier-changes tbody tr");
        assertThat(rows).hasSize(FILE.alerts().size());
        assertThat(rows.get(1).text()).contains("Ⅲ级黄色", "市教育局办公室值班员");
        assertThat(rows.get(0).text()).contains("未确认");
    }

    @Test
    void factorsAreShownUnderTheirChineseLabelsAndNoKeyShows() {
        List<String> labels = DOCUMENT.select("table.factors tbody tr td:first-child").eachText();
        assertThat(labels).hasSize(FILE.series().get(0).factors().size()).contains("负面占比", "声量", "出台前风险");
        assertThat(DOCUMENT.text()).doesNotContain("negative-share", "pre-issuance", "volume", "influential", "alarm");
    }

    @Test
    void privateDataOfPostsAndPrivateAccountsIsNotInTheDocument() {
        assertThat(DOCUMENT.text()).contains("我实名反映");  // the post with the private data is quoted …
        assertThat(HTML).doesNotContain(SampleCase.PRIVATE_PHONE, SampleCase.PRIVATE_ID_NUMBER, SampleCase.PRIVATE_NAME,
                SampleCase.PRIVATE_ACCOUNT, "教育博主林老师", "三年级家长小雨");  // … without them
        assertThat(DOCUMENT.text()).contains("江城发布", "江城日报");  // public accounts keep their names
    }

    @Test
    void markupInAPostIsShownAsText() {
        assertThat(DOCUMENT.select("script")).isEmpty();
        assertThat(DOCUMENT.text()).contains(SampleCase.MARKUP);
        assertThat(HTML).contains("&lt;script&gt;");
    }

    @Test
    void markupInAnyFieldOfTheFileStaysText() {
        String evil = "<img src=\"https://evil.example/x.png\" onerror=\"alert(1)\">";
        PolicyDocument policy = FILE.policy();
        PolicyDocument titled = new PolicyDocument(policy.id(), evil, null, null, "政策" + evil, evil, null, null, null, null, null, null);
        EnrichedItem post = FILE.posts().get(0);
        Item item = post.item();
        Item renamed = new Item(item.id(), item.channel(), item.sourceId(), evil, new Author(evil, 10L, true, "government"), evil, null,
                evil, item.url(), item.publishedAt(), item.engagement(), item.region(), null, null, false, null);
        CaseFile file = new CaseFile(FILE.caseRecord(), titled, FILE.subjectId(), FILE.from(), FILE.to(), FILE.alerts(), FILE.series(),
                List.of(new EnrichedItem(renamed, post.analysis())), FILE.deliveries());
        Document document = Jsoup.parse(BRIEF.html(file, GENERATED));
        assertThat(document.select("img, [onerror]")).isEmpty();
        assertThat(document.selectFirst("h1").text()).isEqualTo("政策" + evil);
        assertThat(document.selectFirst("#propagation").text()).contains(evil);
    }

    @Test
    void referencesNothingOnTheNetworkAndRunsNoScript() {
        assertThat(DOCUMENT.select("[src], [href], link, script, img, iframe, object, embed")).isEmpty();
        assertThat(HTML).doesNotContain("http://", "https://", "url(", "@import");
        assertThat(DOCUMENT.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
                .noneMatch(attribute -> attribute.getKey().startsWith("on")));
    }

    @Test
    void printsOnA4WithChineseFonts() {
        String css = DOCUMENT.select("style").html();
        assertThat(css).contains("@page", "size: A4", "margin: 15mm", "break-inside: avoid", "\"Noto Sans CJK SC\"", "\"WenQuanYi Micro Hei\"");
    }

    @Test
    void sameFileAndTimeGiveTheSameDocument() {
        assertThat(BRIEF.html(SampleCase.file(), GENERATED)).isEqualTo(HTML);
    }

    @Test
    void onlyTheLongestChainsAreListedAndTheRestCounted() {
        List<EnrichedItem> posts = new java.util.ArrayList<>(FILE.posts());
        EnrichedItem template = FILE.posts().get(0);
        int added = ReactionSections.CHAINS_SHOWN + 3;
        for (int chain = 0; chain < added; chain++) {
            String root = "weibo:99000" + chain;
            for (int member = 0; member < 2; member++) {
                Item t = template.item();
                String id = member == 0 ? root : root + "-" + member;
                posts.add(new EnrichedItem(new Item(id, t.channel(), id, t.source(), t.author(), null, null, "转发 " + id, null,
                        t.publishedAt().plusSeconds(60L * chain + member), t.engagement(), t.region(), member == 0 ? null : root, null, false,
                        null), template.analysis()));
            }
        }
        CaseFile many = new CaseFile(FILE.caseRecord(), FILE.policy(), FILE.subjectId(), FILE.from(), FILE.to(), FILE.alerts(),
                FILE.series(), posts, FILE.deliveries());
        int chains = BRIEF.facts(many).propagation().chains().size();
        assertThat(chains).isGreaterThan(ReactionSections.CHAINS_SHOWN);

        Document document = Jsoup.parse(BRIEF.html(many, GENERATED));

        assertThat(document.select("table.chains tbody tr")).hasSize(ReactionSections.CHAINS_SHOWN);
        assertThat(document.selectFirst("#propagation").text()).contains("另有 " + (chains - ReactionSections.CHAINS_SHOWN) + " 条链");
    }

    @Test
    void aFileWithAlertsButNoPostsOrSeriesStillShowsItsAlertsAndTheirPeak() {
        CaseFile alertsOnly = new CaseFile(FILE.caseRecord(), FILE.policy(), FILE.subjectId(), FILE.from(), FILE.to(), FILE.alerts(),
                List.of(), List.of(), FILE.deliveries());
        Document document = Jsoup.parse(BRIEF.html(alertsOnly, GENERATED));
        Element chart = document.getElementById(CaseBrief.TIMELINE_CHART_ID);
        assertThat(chart.select("rect.posts-bar")).isEmpty();
        assertThat(chart.select("g.alert-marker")).hasSize(FILE.alerts().size());
        double highest = FILE.alerts().stream().mapToDouble(alert -> alert.score()).max().orElseThrow();
        assertThat(document.selectFirst("#assessment").text()).contains(Html.number(highest), "负面占比");
        assertThat(document.selectFirst("#propagation").text()).contains("未监测到");
    }

    @Test
    void aFileWithoutPostsSeriesOrAlertsSaysSo() {
        CaseFile empty = new CaseFile(null, SampleCase.policy(), SampleCase.POLICY_ID, SampleCase.FROM, SampleCase.TO, null, null, null, null);
        Document document = Jsoup.parse(BRIEF.html(empty, GENERATED));
        assertThat(document.select("h2")).hasSize(7);
        assertThat(document.getElementById(CaseBrief.TIMELINE_CHART_ID)).isNull();
        assertThat(document.selectFirst("#overview").text()).contains("未监测到", "未触发预警");
        assertThat(document.selectFirst("#timeline").text()).contains("未触发预警");
        assertThat(document.selectFirst("#assessment").text()).contains("没有风险评分");
        assertThat(document.selectFirst("#handling").text()).contains("尚无预警通知记录", "尚无确认记录");
        assertThat(document.selectFirst("h1").text()).isEqualTo(SampleCase.TITLE);
    }
}
