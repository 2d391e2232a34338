package org.finfacts.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearDuplicatesTest {
    private static final String STORY = "北港银行6月18日公告称，该行已在全国银行间债券市场成功发行2024年第一期绿色金融债券，"
            + "发行规模300亿元，期限3年，票面利率2.15%。募集资金将全部用于绿色产业项目，包括清洁能源、节能环保和绿色交通等领域。"
            + "这是今年以来国内银行发行的规模最大的一笔绿色金融债。市场人士指出，在政策支持下，银行绿色债券发行明显提速。";
    private static final String OTHER = "长江电池周二晚间发布三季度报告，公司前三季度实现营业收入128.6亿元，同比增长21.3%；"
            + "归属于上市公司股东的净利润为9.8亿元，同比增长15.2%。公司表示，营收增长主要来自储能业务，"
            + "三季度储能电池出货量同比翻番，海外订单占比提升至四成，部分大客户的订单已经排到明年上半年。";

    @Test
    void aSyndicatedCopyIsMarkedWithTheFirstId() {
        NearDuplicates index = new NearDuplicates();
        assertNull(index.firstSimilar(NearDuplicates.signature(STORY), "a"));
        assertNull(index.firstSimilar(NearDuplicates.signature(OTHER), "b"));
        String copy = "（来源：东湖金融）" + STORY + "（责任编辑：王芳）";
        assertEquals("a", index.firstSimilar(NearDuplicates.signature(copy), "c"));
        String reflowed = STORY.replace("，", ",").replace("。", "。\n\n");
        assertEquals("a", index.firstSimilar(NearDuplicates.signature(reflowed), "d"));
        String cut = STORY.substring(0, STORY.lastIndexOf("市场人士"));
        assertEquals("a", index.firstSimilar(NearDuplicates.signature(cut), "e"));
        assertEquals(2, index.size());
    }

    @Test
    void differentStoriesStayApart() {
        NearDuplicates index = new NearDuplicates();
        index.add(NearDuplicates.signature(STORY), "a");
        assertNull(index.firstSimilar(NearDuplicates.signature(OTHER), "b"));
        String flash1 = "【东湖金融讯】6月18日消息，绿源科技完成2.5亿元B轮融资，本轮融资由红杉中国领投，老股东继续跟投。"
                + "资金将用于储能电池研发和海外市场拓展，公司去年营收同比增长三倍，今年计划在欧洲设立研发中心。";
        String flash2 = "【东湖金融讯】7月2日消息，云帆医疗完成8000万元A轮融资，本轮融资由高瓴创投领投，多家机构跟投。"
                + "资金将用于手术机器人临床试验和生产线建设，公司产品已进入二十家医院，明年有望实现盈亏平衡。";
        index.add(NearDuplicates.signature(flash1), "f1");
        assertNull(index.firstSimilar(NearDuplicates.signature(flash2), "f2"), "a templated flash about another deal");
    }

    @Test
    void shortTextsAreNotFingerprinted() {
        assertNull(NearDuplicates.signature("央行宣布降准0.5个百分点。"));
        assertNotNull(NearDuplicates.signature(STORY));
    }

    @Test
    void manyDocumentsFitTheIndex() {
        NearDuplicates index = new NearDuplicates();
        for (int i = 0; i < 5000; i++) {
            String text = "第" + i + "篇：" + STORY.substring(i % 40) + OTHER.substring(0, i % 60) + i * 7919;
            index.firstSimilar(NearDuplicates.signature(text), "d" + i);
        }
        assertTrue(index.size() > 0 && index.size() <= 5000);
    }
}
