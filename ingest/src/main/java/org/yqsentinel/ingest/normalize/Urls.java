package org.yqsentinel.ingest.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Canonical URLs, so the same article reached through different shares is recognised as the same:
 * scheme and host lower-cased, default port and fragment dropped, tracking parameters removed,
 * the remaining parameters sorted. WeChat article links keep only {@code __biz}, {@code mid},
 * {@code idx} and {@code sn}, which identify the article.
 */
public final class Urls {

    private static final Set<String> TRACKING = Set.of("spm", "from", "isappinstalled", "scene", "srcid", "clicktime",
            "enterid", "share_token", "wfr", "vd_source", "share_source", "share_medium", "share_from", "sharer_sharetime",
            "sharer_shareid", "ref", "refer", "referer", "sessionid", "mpshare", "subscene", "timestamp", "_t", "t",
            "fbclid", "gclid", "chksm");
    private static final Set<String> WECHAT_IDENTITY = Set.of("__biz", "mid", "idx", "sn");

    private Urls() {}

    /** The canonical form, or the trimmed input when it is not an absolute http(s) URL; null for blank input. */
    public static String canonical(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return trimmed;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            return trimmed;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean wechat = host.equals("mp.weixin.qq.com");
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty())
                .filter(p -> keep(name(p), wechat))
                .sorted()
                .collect(Collectors.joining("&"));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query);
    }

    private static String name(String parameter) {
        int eq = parameter.indexOf('=');
        return (eq < 0 ? parameter : parameter.substring(0, eq)).toLowerCase(Locale.ROOT);
    }

    private static boolean keep(String name, boolean wechat) {
        if (wechat) {
            return WECHAT_IDENTITY.contains(name);
        }
        return !name.startsWith("utm_") && !TRACKING.contains(name);
    }
}
