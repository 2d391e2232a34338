package org.finfacts.ingest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.finfacts.core.Document;
import org.finfacts.core.Mutations;
import org.finfacts.core.TestEngine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.JsonCodec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading JSON and bytes never fails in an unplanned way: mutated input lines become a document or
 * an {@link IllegalArgumentException} with a message; mutated output lines ({@code index --annotated})
 * the same; a JSONL file of good, mutated and broken lines gives exactly one record per non-blank
 * line, each a document or an error with its reason; any bytes decode to some text.
 */
class JsonReadingPropertiesTest {
    private static final List<String> OUTPUT_LINES = outputLines();

    private static List<String> outputLines() {
        JsonCodec codec = new JsonCodec(true);
        List<String> out = new ArrayList<>();
        for (String s : Mutations.SENTENCES) {
            AnnotatedDocument d = TestEngine.get().process(new Document("d" + out.size(), s, "标题", "2024-04-10", null, "t"));
            out.add(codec.write(d, false));
        }
        return out;
    }

    @Provide
    Arbitrary<String> inputLines() {
        Arbitrary<String> good = Arbitraries.of(Mutations.SENTENCES).map(s -> JsonCodec.mapper().createObjectNode()
                .put("id", "x").put("text", s).put("published", "2024-04-10").toString());
        return Mutations.mutated(good, 6);
    }

    @Provide
    Arbitrary<String> outputLinesMutated() {
        return Mutations.mutated(Arbitraries.of(OUTPUT_LINES), 4);
    }

    @Property(tries = 2000)
    void mutatedInputLinesGiveADocumentOrAReason(@ForAll("inputLines") String line) {
        try {
            Document d = JsonCodec.readDocument(line, "fallback");
            assertNotNull(d.text());
            assertNotNull(d.id());
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }

    @Property(tries = 1000)
    void mutatedOutputLinesGiveAnAnnotationOrAReason(@ForAll("outputLinesMutated") String line) {
        try {
            assertNotNull(JsonCodec.readAnnotated(line));
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }

    @Provide
    Arbitrary<List<String>> jsonlFiles() {
        Arbitrary<String> broken = Arbitraries.of("{", "}", "not json", "[]", "null", "\"s\"", "{}", "{\"id\":1}",
                "{\"text\":5}", "{\"text\":\"a\"}{\"text\":\"b\"}", "\uFEFF{\"text\":\"bom\"}", "\t", "{\"text\":\"\\ud800\"}");
        return Arbitraries.oneOf(inputLines(), broken).list().ofMaxSize(12);
    }

    @Property(tries = 300)
    void aJsonlFileGivesOneRecordPerNonBlankLine(@ForAll("jsonlFiles") List<String> lines) throws IOException {
        Path file = Files.createTempFile("lines", ".jsonl");
        try {
            String content = String.join("\n", lines).replace("\r", "") + "\n";
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            Files.write(file, bytes);
            long expected = 0;
            boolean first = true;
            for (String l : new String(bytes, StandardCharsets.UTF_8).split("\n", -1)) {
                String x = first && l.startsWith("\uFEFF") ? l.substring(1) : l;
                first = false;
                if (!x.isBlank()) {
                    expected++;
                }
            }
            long records = 0;
            try (InputSource source = new InputSource(List.of(file.toString()), 2_000_000,
                    new ByteArrayInputStream(new byte[0]))) {
                while (source.hasNext()) {
                    InputRecord r = source.next();
                    records++;
                    assertTrue(r.isError() ? !r.error().isBlank() : r.document() != null, r::origin);
                    assertEquals(file + ":", r.origin().substring(0, r.origin().lastIndexOf(':') + 1));
                }
            }
            assertEquals(expected, records, content);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> encoded = Arbitraries.of(Mutations.SENTENCES).flatMap(s -> Arbitraries.of("UTF-8", "GB18030",
                "Big5", "UTF-16LE", "UTF-16BE").map(cs -> s.getBytes(java.nio.charset.Charset.forName(cs))));
        Arbitrary<byte[]> cut = encoded.flatMap(b -> Arbitraries.integers().between(0, b.length)
                .map(n -> java.util.Arrays.copyOf(b, n)));
        return Arbitraries.oneOf(random, encoded, cut);
    }

    @Property(tries = 1000)
    void anyBytesDecodeToSomeText(@ForAll("bytes") byte[] b, @ForAll("charsets") String declared) {
        TextDecoder.Decoded d = TextDecoder.decode(b, declared);
        assertNotNull(d.text());
        assertNotNull(TextDecoder.decodeHtml(b, declared).text());
        TextDecoder.looksBinary(b);
    }

    @Provide
    Arbitrary<String> charsets() {
        return Arbitraries.of("utf-8", "gbk", "big5", "utf-16", "x-unknown", "", "utf-8\u0000", "../../etc", "UTF-32")
                .injectNull(0.3);
    }
}
