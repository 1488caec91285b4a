package org.yqsentinel.model;

/**
 * The person or account behind a post. {@code followerCount} is null when the source does not say;
 * {@code verified} means the platform's own verification (Weibo 认证, a WeChat 认证 account, a staff byline).
 *
 * @param accountType what kind of account the platform says it is, when it says: {@code personal},
 *                    {@code government}, {@code media}, {@code enterprise}, {@code organization}
 */
public record Author(String name, Long followerCount, boolean verified, String accountType) {}
