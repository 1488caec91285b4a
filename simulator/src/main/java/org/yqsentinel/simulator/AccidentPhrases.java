package org.yqsentinel.simulator;

/**
 * The phrases an accident is told in ({@link AccidentText}): hashtags, how posts open, what they say in each stance,
 * the officials' facts, the reposts' comments, and the titles, leads, paragraphs and closes of news reports and WeChat
 * articles.
 */
record AccidentPhrases(
        String[] tags,
        String[] openers,
        String[] bodyNegative,
        String[] closeNegative,
        String[] emoNegative,
        String[] officialHeadlines,
        String[] facts,
        String[] openInfo,
        String[] bodyInfo,
        String[] bodyQuestion,
        String[] bodyPositive,
        String[] emoInfo,
        String[] emoPositive,
        String[] repostNegative,
        String[] repostInfo,
        String[] newsTitlesInfo,
        String[] newsLeadsInfo,
        String[] report,
        String[] guide,
        String[] newsTitlesNegative,
        String[] newsLeadsNegative,
        String[] anger,
        String[] newsCloses,
        String[] wechatTitlesInfo,
        String[] wechatIntrosInfo,
        String[] wechatTitlesNegative,
        String[] wechatIntrosNegative,
        String[] wechatOutros) {}
