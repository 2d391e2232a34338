package org.finfacts.text;

import org.finfacts.facts.Regions;

/**
 * Finds the title and body of an article inside page text that still carries navigation, sidebars
 * and related-links lists. Spans are working-copy UTF-16 indices; null means "the whole text is body".
 */
public interface RegionFinder {
    /** The regions of {@code text}, or null when the whole text is the article. */
    Regions find(NormalizedText text, String knownTitle);

    /** A finder that treats every text as pure article body. */
    static RegionFinder wholeText() {
        return (text, title) -> null;
    }
}
