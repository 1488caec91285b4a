package org.yqsentinel.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.yqsentinel.alerting.message.Messages;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Factor;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.Tier;

/** The demo policy's alert events, as the job raises them, for the tests of what receivers get. */
public final class SampleAlerts {

    public static final String TITLE = "江城市教育局关于调整中小学课后服务收费标准的通知";
    public static final Instant END = Instant.parse("2026-11-20T11:00:00Z");
    public static final Messages.Links LINKS = new Messages.Links("http://127.0.0.1:19280/ack?t=abc.def", "http://127.0.0.1:19280/a/Ab3dE9",
            "http://127.0.0.1:5601/app/discover#/?_a=(query:(language:kuery,query:'caseId:\"case-1\"'))");

    private SampleAlerts() {}

    public static Alert alert(AlertEventType type, Tier tier, Tier previous) {
        return new Alert("江教发〔2026〕18号/escalated/ii_orange/1", type, "江教发〔2026〕18号", TITLE, "case-1", tier, previous, 72.4,
                END.minus(Duration.ofHours(1)), END,
                List.of(new Factor("negative-share", 0.71, 1.0, 60, "71% of 120 linked posts are negative")),
                List.of(new PostRef("weibo:1", Channel.WEIBO, "微博", "https://m.weibo.cn/status/1", END.minusSeconds(600),
                        "课后服务一学期涨到<b>1200</b>元，联系电话138****0000", 5321)),
                "江城市教育局", "教育", new Region("湖北", "江城", null), Instant.parse("2026-11-21T06:00:00Z"));
    }
}
