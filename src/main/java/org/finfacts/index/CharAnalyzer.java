package org.finfacts.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.Reader;

/**
 * The recall field's analyzer: every Han (and kana, hangul) character and every pair of adjacent ones,
 * the pair at the position of its first character, and one token per run of letters or digits
 * ({@code 英伟达NVIDIA} gives {@code 英 英伟 伟 伟达 达 nvidia}); full-width ASCII folded to ASCII first,
 * everything lower-cased. A phrase of the pairs (a lone character where there is no pair) is a
 * substring match, whatever segmentation SmartChineseAnalyzer chose for the same characters in the
 * text and in the query ({@code 市值} is one word after {@code 英伟达 } but {@code 市/值} after
 * {@code NVIDIA}), and pairs are rare enough to keep phrase queries cheap. The folding maps one char to
 * one char, so offsets need no correction beyond {@code correctOffset}.
 */
public final class CharAnalyzer extends Analyzer {
    /** The token type of a single character (skipped in queries where a pair covers it). */
    public static final String SINGLE = "<SINGLE>";
    /** The token type of a pair of characters. */
    public static final String DOUBLE = "<DOUBLE>";

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
        stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
                | CJKBigramFilter.HANGUL, true);
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
