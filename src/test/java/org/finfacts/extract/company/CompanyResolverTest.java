package org.finfacts.extract.company;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompanyResolverTest {
    @Test
    void treatsOneLetterOffAsOneEditApart() {
        assertTrue(CompanyResolver.oneEditApart("anthropic", "anthropc"));
        assertTrue(CompanyResolver.oneEditApart("nvidia", "nvdiia"));
        assertTrue(CompanyResolver.oneEditApart("openai", "openal"));
        assertFalse(CompanyResolver.oneEditApart("openai", "openai"));
        assertFalse(CompanyResolver.oneEditApart("anthropic", "anthrop"));
    }
}
