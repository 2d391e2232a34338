package org.finfacts.extract.company;

import org.finfacts.core.ModelStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompanyIdsTest {
    private final NameRules rules = NameRules.load(ModelStore.bundled());

    @Test
    void stripsLegalEndingsDescriptorsAndRegions() {
        assertEquals("达诚基金", CompanyIds.derive("达诚基金管理有限公司", rules));
        assertEquals("达诚基金", CompanyIds.derive("达诚基金管理", rules));
        assertEquals("东证融汇", CompanyIds.derive("东证融汇证券资产管理有限公司", rules));
        assertEquals("太和先机", CompanyIds.derive("西藏太和先机投资管理有限公司", rules));
        assertEquals("创东方富达", CompanyIds.derive("深圳市创东方富达投资企业(有限合伙)", rules));
        assertEquals("金域投资", CompanyIds.derive("贵州贵安新区金域投资中心(有限合伙)", rules));
        assertEquals("海恩斯莫里斯(上海)", CompanyIds.derive("海恩斯莫里斯(上海)商业有限公司", rules));
        assertEquals("万豪投资", CompanyIds.derive("上海万豪投资有限公司", rules));
    }

    @Test
    void givesLatinGroupsAnEnglishId() {
        assertEquals("Angelicoussis Group", CompanyIds.derive("Angelicoussis集团", rules));
    }

    @Test
    void dropsTheBranchOfABank() {
        assertTrue(CompanyIds.stages("华夏银行股份有限公司绍兴诸暨支行", rules).contains("华夏银行"));
    }

    @Test
    void offersShortNamesWithoutChinaPrefix() {
        assertTrue(CompanyIds.shortNames("中国联合水务集团", rules).contains("联合水务集团"));
    }

    @Test
    void keepsThePlaceWhenOnlyAnIndustryFollowsIt() {
        assertEquals("广东风电", CompanyIds.derive("广东风电公司", rules));
        assertEquals("沈阳燃气", CompanyIds.derive("沈阳燃气有限公司", rules));
        assertEquals("万豪投资", CompanyIds.derive("上海万豪投资有限公司", rules));
    }

    @Test
    void stripsHighTechAsOneDescriptor() {
        assertEquals("宏桥", CompanyIds.derive("宏桥高科技有限公司", rules));
    }

    @Test
    void tellsKindsOfCompaniesFromNames() {
        assertTrue(rules.isGenericPhrase("网络科技"));
        assertTrue(rules.isGenericPhrase("新三板挂牌"));
        assertTrue(rules.isGenericPhrase("广东风电"));
        assertTrue(!rules.isGenericPhrase("宏桥"));
        assertTrue(!rules.isGenericPhrase("广东"));
        assertTrue(!rules.isGenericPhrase("正聚源通鼎"));
    }
}
