package org.finfacts.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.Reader;

/**
 * The recall field's analyzer: one token per Han character, one per run of letters or digits
 * ({@code 英伟达NVIDIA市值} gives {@code 英 伟 达 nvidia 市 值}), full-width ASCII folded to ASCII
 * first and everything lower-cased. A phrase of these tokens is a substring match, whatever
 * segmentation SmartChineseAnalyzer chose for the same characters in the text and in the query
 * ({@code 市值} is one word after {@code 英伟达 } but {@code 市/值} after {@code NVIDIA}).
 * The folding maps one char to one char, so offsets need no correction beyond {@code correctOffset}.
 */
public final class CharAnalyzer extends Analyzer {
    private static final NormalizeCharMap FULL_WIDTH = fullWidthMap();

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(FULL_WIDTH, reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new MappingCharFilter(FULL_WIDTH, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    private static NormalizeCharMap fullWidthMap() {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (char c = '\uFF01'; c <= '\uFF5E'; c++) {
            b.add(String.valueOf(c), String.valueOf((char) (c - 0xFEE0)));
        }
        b.add("\u3000", " ");
        return b.build();
    }
}
