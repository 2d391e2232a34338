package org.finfacts.extract.company;

import org.finfacts.core.ModelStore;
import org.finfacts.extract.person.PersonRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every company and person model file loads, from the jar and from the source folder. */
class CompanyModelsTest {
    @Test
    void everyCompanyAndPersonModelFileLoads() {
        for (ModelStore store : new ModelStore[] {ModelStore.bundled(), ModelStore.directory(Path.of("models"))}) {
            Gazetteer g = Gazetteer.load(store);
            assertTrue(g.size() > 5000, "A-share list and seed loaded from " + store.describe());
            NameRules rules = NameRules.load(store);
            assertFalse(rules.suffixes().isEmpty());
            assertFalse(rules.cues().isEmpty());
            new CompanyExtractor(g, rules);
            PersonRules persons = PersonRules.load(store);
            assertFalse(persons.titles().isEmpty());
        }
    }

    @Test
    void listsTheGazetteerFilesFromTheJarAsFromTheFolder() {
        assertTrue(ModelStore.bundled().list(Gazetteer.FOLDER).contains("companies/ashare.tsv"));
        assertTrue(ModelStore.directory(Path.of("models")).list(Gazetteer.FOLDER).contains("companies/former-names.tsv"));
    }

    @Test
    void theShippedGazetteerGivesEveryNameOneCompanyUnlessDeclaredShared() {
        assertEquals(List.of(), Gazetteer.load(ModelStore.bundled()).conflicts());
    }

    @Test
    void formerNamesAndIdOverridesApplyToTheShippedLists() {
        Gazetteer g = Gazetteer.load(ModelStore.bundled());
        assertEquals("国泰君安", g.idOf("国泰君安证券股份有限公司"));
        assertEquals("国泰海通", g.idOfTicker("601211.SH"));
        assertEquals("国泰海通", g.entry("国泰君安").currentId());
        assertEquals("601211.SH", g.entry("国泰君安").primaryTicker());
        assertEquals("银河证券", g.idOfTicker("601881.SH"));
        assertEquals("银河证券", g.idOf("中国银河"));
        assertEquals("搜狗", g.idOfTicker("SOGO.US"));
    }

    @Test
    void everyAmbiguousAliasIsAKnownName() {
        Gazetteer g = Gazetteer.load(ModelStore.bundled());
        assertTrue(g.isAmbiguous("苹果"));
        assertTrue(g.isAmbiguous("农产品"));
        assertTrue(g.idOf("苹果") != null);
    }
}
