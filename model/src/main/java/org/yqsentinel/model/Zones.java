package org.yqsentinel.model;

import java.time.ZoneId;

/** The time zone Sentinel's people live in: dates in policy pages and crawled posts, quiet hours, and what the desk reads. */
public final class Zones {

    /** China Standard Time (UTC+8, and the daylight-saving years 1986–1991 as the tz database has them). */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private Zones() {}
}
