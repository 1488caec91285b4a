package org.yqsentinel.rules.risk;

/**
 * What the posts linked to one policy in one event-time window add up to, as the risk score reads it.
 *
 * @param posts                 linked posts of the public in the window (not those of government accounts)
 * @param recentPostsPerWindow  the public posts of the window's latest part, as posts per window length: a surge
 *                              shows here before it fills the window
 * @param baselinePostsPerWindow the baseline period's linked posts per window length (0 when none)
 * @param negativePosts         posts whose sentiment is negative
 * @param alarmedPosts          posts whose emotion is anger or fear
 * @param reach                 followers of the posting accounts plus reposts
 * @param channels              distinct channels the posts come from
 * @param regions               distinct regions (cities, else provinces) the posts come from
 * @param influentialAccounts   distinct verified or influential accounts among the posters
 * @param sensitiveHits         watch-list words and sensitive-topic hits in the posts
 * @param preIssuance           the policy's own pre-issuance risk, in [0, 1]
 * @param officialPosts         linked posts of government accounts (announcements, not reaction): counted apart
 */
public record WindowStats(long posts, double recentPostsPerWindow, double baselinePostsPerWindow, long negativePosts,
                          long alarmedPosts, long reach, int channels, int regions, int influentialAccounts, long sensitiveHits,
                          double preIssuance, long officialPosts) {}
