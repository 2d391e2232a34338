package org.finfacts.index;

import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.FactType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small index for the HTTP tests: NVIDIA and Apple facts, and filler articles for paging. */
public final class ServerFixture {
    private ServerFixture() {
    }

    /** Writes the fixture index into {@code folder} and opens a searcher with keyboard-only query values. */
    public static ArticleSearcher build(Path folder) throws IOException {
        TestIndex.write(folder, documents());
        return TestIndex.open(folder);
    }

    /** The fixture articles. */
    public static List<AnnotatedDocument> documents() {
        List<AnnotatedDocument> docs = new ArrayList<>();
        TestArticles a = TestArticles.article("two-facts", "英伟达向初创公司投资了10亿美元。苹果公司市值达到2万亿美元。")
                .published("2024-04-10").source("test").title("英伟达与苹果");
        CompanyMention nv = a.company("英伟达", "NVIDIA");
        CompanyMention apple = a.company("苹果公司", "Apple");
        a.fact(FactType.INVESTMENT, nv, null, a.money("10亿美元", "1000000000", "USD"), "2024");
        a.fact(FactType.MARKET_CAP, apple, null, a.money("2万亿美元", "2000000000000", "USD"), null);
        docs.add(a.build());
        TestArticles b = TestArticles.article("nvidia-big", "英伟达市值突破3万亿美元。").published("2024-06-05")
                .source("other").title("英伟达市值");
        CompanyMention nv2 = b.company("英伟达", "NVIDIA");
        b.fact(FactType.MARKET_CAP, nv2, null, b.money("3万亿美元", "3000000000000", "USD"), "2024-06");
        docs.add(b.build());
        for (int i = 0; i < 30; i++) {
            docs.add(TestArticles.article("filler-" + i, "第" + i + "篇市场评论<script>alert(1)</script>。")
                    .published("2023-01-01").source("filler").build());
        }
        return docs;
    }
}
