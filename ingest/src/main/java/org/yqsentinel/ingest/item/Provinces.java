package org.yqsentinel.ingest.item;

import java.util.List;
import java.util.Optional;

/** China's province-level divisions by the short names platforms print (发布于 广东, IP属地：内蒙古). */
final class Provinces {

    private static final List<String> NAMES = List.of("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江",
            "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆",
            "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门");

    private Provinces() {}

    /** The province named at the start of {@code text} (after 发布于 / IP属地), if it is one. */
    static Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.replace("发布于", "").replace("IP属地", "").replace(":", "").replace("：", "").strip();
        return NAMES.stream().filter(t::startsWith).findFirst();
    }
}
