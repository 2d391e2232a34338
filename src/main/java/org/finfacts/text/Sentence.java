package org.finfacts.text;

/**
 * One sentence of a document: a span of the working copy ({@code start}, {@code end} in UTF-16
 * indices of {@link NormalizedText#text()}), with its position in the document.
 * Example: {@code 就在刚刚，亚马逊向Anthropic追加27.5亿美元投资，…达40亿美元。} is one sentence.
 */
public record Sentence(int index, int start, int end) {
    /** Whether the working-copy index lies inside this sentence. */
    public boolean contains(int position) {
        return position >= start && position < end;
    }
}
