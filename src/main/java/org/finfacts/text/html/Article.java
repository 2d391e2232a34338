package org.finfacts.text.html;

import java.util.List;

/**
 * What {@link ArticleExtractor} found on a page: the headline ({@code title}; {@code pageTitle} is
 * the raw {@code <title>}), the publication time as ISO text at its precision ({@code published},
 * {@code 2024-04-10T00:36:32}) and where it was read ({@code publishedFrom}: {@code meta},
 * {@code json-ld}, {@code time}, {@code text}, {@code url}), the outlet ({@code source}), the byline
 * ({@code author}), and the body as paragraphs. {@code notArticle} is the reason when the page holds
 * no article (a link list, an empty page), else null. {@code container} names the element the body
 * was taken from ({@code div#content.article-body}), to explain an extraction.
 */
public record Article(String title, String pageTitle, String published, String publishedFrom, String source,
                      String author, List<String> paragraphs, String notArticle, String container) {
    /** The body paragraphs joined by newlines. */
    public String body() {
        return String.join("\n", paragraphs);
    }

    /** Whether the page holds an article. */
    public boolean isArticle() {
        return notArticle == null;
    }
}
