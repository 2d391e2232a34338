package org.finfacts.extract.fact;

import org.finfacts.core.ModelStore;
import org.finfacts.facts.FactType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactModelsTest {
    @TempDir
    Path dir;

    @Test
    void loadsEveryFactModelFileFromTheSourceTreeAndTheJar() {
        FactLexicon fromTree = FactLexicon.load(ModelStore.directory(Path.of("models")));
        FactLexicon bundled = FactLexicon.load(ModelStore.bundled());
        assertEquals(fromTree.triggerCount(), bundled.triggerCount());
        assertTrue(fromTree.triggerCount() > 100);
        for (FactLexicon.Cue cue : FactLexicon.Cue.values()) {
            assertFalse(fromTree.words(cue).isEmpty(), "no words for cue " + cue);
        }
    }

    @Test
    void typesTriggersAndMarksWordsThatClaimAnAmountForNoFact() {
        FactLexicon lexicon = FactLexicon.load(ModelStore.bundled());
        assertEquals(FactType.REVENUE, lexicon.trigger("营收").type());
        assertEquals(FactType.ACQUISITION, lexicon.trigger("收购").type());
        assertTrue(lexicon.trigger("收购").takesObject());
        assertTrue(lexicon.trigger("总投资").cumulative());
        assertEquals("increase", lexicon.trigger("多赚").direction());
        assertFalse(lexicon.trigger("注册资本").makesFact());
        assertFalse(lexicon.trigger("股价").makesFact());
        assertNull(lexicon.trigger("不是触发词"));
    }

    @Test
    void scansLongestWordFirstSoALongerWordBlocksTheTriggerInside() {
        FactLexicon lexicon = FactLexicon.load(ModelStore.bundled());
        String text = "投资者对每股收益和净利润的看法";
        var hits = lexicon.scan(text, 0, text.length(), new boolean[text.length()]);
        assertEquals("投资者", hits.get(0).trigger().word());
        assertEquals("每股收益", hits.get(1).trigger().word());
        assertEquals("净利润", hits.get(2).trigger().word());
        assertEquals(3, hits.size());
    }

    @Test
    void aBrokenRowFailsNamingItsFileAndLine() throws Exception {
        Files.createDirectories(dir.resolve("facts"));
        Files.writeString(dir.resolve("facts/triggers.tsv"), "# header\n营收\tREVENUE\tbefore\t-\n利润\tPROFITS\tbefore\t-\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("facts/cues.tsv"), "pronoun\t公司\n", StandardCharsets.UTF_8);
        ModelStore.ModelException e = assertThrows(ModelStore.ModelException.class,
                () -> FactLexicon.load(ModelStore.directory(dir)));
        assertTrue(e.getMessage().contains("facts/triggers.tsv:3"), e.getMessage());
        Files.writeString(dir.resolve("facts/triggers.tsv"), "营收\tREVENUE\tsideways\t-\n", StandardCharsets.UTF_8);
        e = assertThrows(ModelStore.ModelException.class, () -> FactLexicon.load(ModelStore.directory(dir)));
        assertTrue(e.getMessage().contains("facts/triggers.tsv:1"), e.getMessage());
        Files.writeString(dir.resolve("facts/triggers.tsv"), "营收\tREVENUE\tbefore\t-\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("facts/cues.tsv"), "pronoun\t公司\nno-such-cue\t的\n", StandardCharsets.UTF_8);
        e = assertThrows(ModelStore.ModelException.class, () -> FactLexicon.load(ModelStore.directory(dir)));
        assertTrue(e.getMessage().contains("facts/cues.tsv:2"), e.getMessage());
        assertNotNull(e.getMessage());
    }
}
