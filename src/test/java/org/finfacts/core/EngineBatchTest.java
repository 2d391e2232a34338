package org.finfacts.core;

import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.JsonCodec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EngineBatchTest {
    private final Engine engine = TestEngine.get();
    private final JsonCodec codec = new JsonCodec(true);

    private static List<Document> mixedDocuments() throws IOException {
        List<Document> docs = new ArrayList<>();
        docs.add(new Document("headline", "亚马逊向Anthropic追加27.5亿美元投资。\n去年，英伟达的市值增长了近2万亿美元。",
                "亚马逊追加投资", "2024-04-10", null, null));
        docs.add(new Document("no-text", null, null, null, null, null));
        docs.add(Document.of("empty", ""));
        docs.add(new Document("bad-time", "微软于今年一月以2.89万亿美元的总市值超过了苹果。", null, "not a time", null, null));
        docs.add(Document.of("stated-time", "时间:2024-04-10 00:36:32来源:新媒体\n据报道，黄仁勋表示英伟达将继续投资。"));
        docs.add(Document.of("emoji", "😀😀𠀀𠀁据报道，黄仁勋表示英伟达将继续投资。"));
        Path demo = Path.of("corpus", "demo", "rongyi-20240410-genai-bubble.txt");
        if (Files.exists(demo)) {
            docs.add(Document.of("demo", Files.readString(demo)));
        }
        return docs;
    }

    @Test
    void aBatchGivesWhatEachDocumentGivesAlone() throws IOException {
        List<Document> docs = mixedDocuments();
        List<AnnotatedDocument> batch = engine.processAll(docs);
        assertEquals(docs.size(), batch.size());
        for (int i = 0; i < docs.size(); i++) {
            AnnotatedDocument alone = engine.process(docs.get(i));
            assertEquals(codec.write(alone, false), codec.write(batch.get(i), false), "document " + i);
        }
    }

    @Test
    void aTooLargeDocumentFailsAloneInsideABatch() {
        Engine small = Engine.create(EngineConfig.defaults().withMaxChars(20));
        List<AnnotatedDocument> out = small.processAll(List.of(Document.of("ok", "英伟达的市值增长了2万亿美元。"),
                Document.of("big", "字".repeat(21)), Document.of("ok2", "去年营收52.88亿元。")));
        assertEquals(null, out.get(0).error());
        assertEquals("too large: 21 characters (limit 20)", out.get(1).error());
        assertEquals(null, out.get(2).error());
    }

    @Test
    void stageTimesAddUpOverABatch() throws IOException {
        StageTimes times = new StageTimes();
        engine.processAll(mixedDocuments(), times);
        assertEquals(true, times.nanos().containsKey("tokenize"));
        assertEquals(true, times.nanos().containsKey("recognizer:company"));
        assertEquals(times.total(), times.nanos().values().stream().mapToLong(Long::longValue).sum());
    }
}
