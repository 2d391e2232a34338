package org.finfacts.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.JsonCodec;
import org.finfacts.ingest.InputRecord;
import org.finfacts.ingest.InputSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented JSON Schema holds for real output of the bundled corpus and for error lines. */
class OutputContractTest {
    private static JsonSchema schema() {
        InputStream in = OutputContractTest.class.getResourceAsStream("/schema/annotated-document.schema.json");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }

    @Test
    void everyOutputLineOfTheDemoCorpusMatchesTheSchema() {
        JsonSchema schema = schema();
        JsonCodec codec = new JsonCodec(true);
        List<String> ids = new ArrayList<>();
        try (InputSource source = new InputSource(List.of("corpus/demo"), EngineConfig.DEFAULT_MAX_CHARS, InputStream.nullInputStream())) {
            while (source.hasNext()) {
                InputRecord r = source.next();
                AnnotatedDocument doc = TestEngine.get().process(r.document());
                EngineTest.assertOffsetsExact(doc);
                JsonNode json = codec.toJson(doc);
                Set<ValidationMessage> errors = schema.validate(json);
                assertTrue(errors.isEmpty(), r.id() + ": " + errors);
                ids.add(doc.id());
            }
        }
        assertTrue(ids.size() >= 20, "demo corpus has its articles: " + ids.size());
    }

    @Test
    void errorLinesMatchTheSchema() {
        JsonNode json = new JsonCodec(true).toJson(AnnotatedDocument.failed("x", "too large: 3 characters"));
        assertEquals(Set.of(), schema().validate(json));
        assertEquals("too large: 3 characters", json.get("error").asText());
        assertTrue(json.get("mentions").isEmpty());
    }
}
