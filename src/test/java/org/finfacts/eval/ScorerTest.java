package org.finfacts.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScorerTest {
    private static EvalDocument doc(String json) {
        return EvalDocument.read(json.replace('\'', '"'));
    }

    private static EvalReport score(String gold, String system) {
        EvalDocument g = doc(gold);
        return new Scorer().score(List.of(g), system == null ? Map.of() : Map.of(g.id(), doc(system)));
    }

    @Test
    void identicalOutputScoresOne() {
        String d = "{'id':'a','text':'营收29亿美元','mentions':[{'start':2,'end':7,'text':'29亿美元','type':'MONEY',"
                + "'value':'2900000000','currency':'USD','qualifier':'exact'}],'facts':[]}";
        EvalReport r = score(d, d);
        assertEquals(1.0, r.strictScore("MONEY").f1());
        assertEquals(1.0, r.fieldScore("MONEY").accuracy());
        assertEquals(1, r.fieldScore("MONEY").compared());
    }

    @Test
    void boundaryErrorsCountForOverlapButNotStrict() {
        String g = "{'id':'a','mentions':[{'start':2,'end':7,'text':'29亿美元','type':'MONEY','value':'2900000000'}],'facts':[]}";
        String s = "{'id':'a','mentions':[{'start':1,'end':7,'text':'近29亿美元','type':'MONEY','value':'2900000000'}],'facts':[]}";
        EvalReport r = score(g, s);
        assertEquals(0.0, r.strictScore("MONEY").f1());
        assertEquals(1, r.strictScore("MONEY").fp());
        assertEquals(1, r.strictScore("MONEY").fn());
        assertEquals(1.0, r.overlapScore("MONEY").f1());
    }

    @Test
    void optionalGoldCostsNothingWhenMissedAndCountsWhenFound() {
        String g = "{'id':'a','mentions':[{'start':0,'end':2,'text':'苹果','type':'COMPANY','id':'Apple'},"
                + "{'start':5,'end':7,'text':'人民','type':'COMPANY','id':null,'optional':true}],'facts':[]}";
        String missed = "{'id':'a','mentions':[{'start':0,'end':2,'text':'苹果','type':'COMPANY','id':'Apple'}],'facts':[]}";
        EvalReport r1 = score(g, missed);
        assertEquals(1.0, r1.strictScore("COMPANY").f1());
        String found = "{'id':'a','mentions':[{'start':0,'end':2,'text':'苹果','type':'COMPANY','id':'Apple'},"
                + "{'start':5,'end':7,'text':'人民','type':'COMPANY','id':'x'}],'facts':[]}";
        EvalReport r2 = score(g, found);
        assertEquals(2, r2.strictScore("COMPANY").tp());
        assertEquals(0, r2.strictScore("COMPANY").fp());
    }

    @Test
    void comparesDecimalsNumericallyAndReportsWrongFields() {
        String g = "{'id':'a','mentions':[{'start':0,'end':9,'text':'0.8646万元','type':'MONEY','value':'8646','currency':'CNY','qualifier':'exact'},"
                + "{'start':10,'end':14,'text':'5亿美元','type':'MONEY','value':'500000000','currency':'USD','qualifier':'approx'}],'facts':[]}";
        String s = "{'id':'a','mentions':[{'start':0,'end':9,'text':'0.8646万元','type':'MONEY','value':'8646.0000','currency':'CNY','qualifier':'exact'},"
                + "{'start':10,'end':14,'text':'5亿美元','type':'MONEY','value':'500000000','currency':'USD','qualifier':'exact'}],'facts':[]}";
        EvalReport r = score(g, s);
        assertEquals(2, r.fieldScore("MONEY").compared());
        assertEquals(1, r.fieldScore("MONEY").allRight());
        assertEquals(1, r.fieldScore("MONEY").perField().get("qualifier")[1]);
        assertEquals(1, r.errors().stream().filter(e -> e.kind().equals("wrong value")).count());
    }

    @Test
    void rangesCompareMinAndMax() {
        String g = "{'id':'a','mentions':[{'start':0,'end':10,'text':'200-300亿美元','type':'MONEY','value':null,'min':'20000000000','max':'30000000000','currency':'USD','qualifier':'exact'}],'facts':[]}";
        String s = "{'id':'a','mentions':[{'start':0,'end':10,'text':'200-300亿美元','type':'MONEY','value':null,'min':'2E+10','max':'30000000000','currency':'USD','qualifier':'exact'}],'facts':[]}";
        assertEquals(1.0, score(g, s).fieldScore("MONEY").accuracy());
    }

    @Test
    void scoresSameEntityLinksPairwise() {
        String g = "{'id':'a','mentions':[{'start':0,'end':3,'text':'英伟达','type':'COMPANY','id':'NVIDIA'},"
                + "{'start':4,'end':10,'text':'NVIDIA','type':'COMPANY','id':'NVIDIA'},"
                + "{'start':11,'end':13,'text':'苹果','type':'COMPANY','id':'Apple'}],'facts':[]}";
        String s = "{'id':'a','mentions':[{'start':0,'end':3,'text':'英伟达','type':'COMPANY','id':'nv'},"
                + "{'start':4,'end':10,'text':'NVIDIA','type':'COMPANY','id':'nv'},"
                + "{'start':11,'end':13,'text':'苹果','type':'COMPANY','id':'nv'}],'facts':[]}";
        EvalReport r = score(g, s);
        assertEquals(1, r.linkScore().tp());
        assertEquals(2, r.linkScore().fp());
        assertEquals(0, r.linkScore().fn());
        assertEquals(0, r.fieldScore("COMPANY").allRight());
    }

    @Test
    void matchesFactsOnTypeSubjectObjectAndAmount() {
        String g = "{'id':'a','mentions':[],'facts':[{'type':'INVESTMENT','subject':'Amazon','object':'Anthropic','amount_at':15,'date':'2024-04'},"
                + "{'type':'COST','subject':'OpenAI','amount_at':40,'optional':true},"
                + "{'type':'REVENUE','subject':'Microsoft','amount_at':60}]}";
        String s = "{'id':'a','mentions':[],'facts':[{'type':'INVESTMENT','subject':'Amazon','object':'Anthropic','amount_at':15,'date':'2024'},"
                + "{'type':'COST','subject':'OpenAI','amount_at':40},"
                + "{'type':'REVENUE','subject':'Microsoft','object':'Apple','amount_at':60}]}";
        EvalReport r = score(g, s);
        assertEquals(2, r.factScore("ALL").tp());
        assertEquals(1, r.factScore("ALL").fp());
        assertEquals(1, r.factScore("ALL").fn());
        assertEquals(0, r.factDateScore().allRight());
        assertEquals(1, r.factDateScore().compared());
    }

    @Test
    void aDocumentMissingFromTheOutputCountsAsMissingEverything() {
        String g = "{'id':'a','mentions':[{'start':0,'end':2,'text':'去年','type':'DATE','value':'2023','grain':'year'}],'facts':[]}";
        EvalReport r = score(g, null);
        assertEquals(1, r.documentCounts()[1]);
        assertEquals(1, r.strictScore("DATE").fn());
        assertEquals(0.0, r.strictScore("DATE").f1());
    }

    @Test
    void typesThatGoldDoesNotUseAreNotScored() {
        String g = "{'id':'a','mentions':[{'start':0,'end':2,'text':'去年','type':'DATE','value':'2023','grain':'year'}],'facts':[]}";
        String s = "{'id':'a','mentions':[{'start':0,'end':2,'text':'去年','type':'DATE','value':'2023','grain':'year'},"
                + "{'start':3,'end':6,'text':'75%','type':'PERCENT','value':'75'}],'facts':[]}";
        EvalReport r = score(g, s);
        assertEquals(1.0, r.strictScore("DATE").f1());
        assertEquals(0, r.strictScore("PERCENT").fp());
    }
}
