package org.finfacts.core;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.finfacts.facts.Mention;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generators of hostile variants of real-looking input for property tests: finance sentences of our
 * own, then a few random edits (insert, delete, replace, duplicate, swap, cut, full-width/half-width
 * swap) with emoji, CJK Extension B, lone surrogates, zero-width and bidi characters, combining marks,
 * NUL, line breaks, digits and unit words. Edits are values jqwik shrinks, so a failure is reported
 * as the smallest list of edits that still fails. Also the checks every result must pass.
 */
public final class Mutations {
    /** Sentences of the kinds the engine reads (written for these tests). */
    public static final List<String> SENTENCES = List.of(
            "英伟达周三公布财报，季度营收达到260亿美元，同比增长262%。",
            "2024年4月10日，亚马逊宣布向Anthropic追加27.5亿美元投资。",
            "腾讯控股去年净利润为1152亿元人民币，较上年同期增长36%。",
            "公司拟募资不超过5亿元至8亿元，用于研发中心建设。",
            "截至2023年12月31日止年度，集团营业收入约为4903.2亿港元。",
            "微软于今年一月以2.89万亿美元的总市值超过了苹果。",
            "该基金规模达1,200万欧元，较三季度末减少约三成。",
            "华为2023年上半年研发投入约为人民币八百亿元，同比增加两成。",
            "据天眼查显示，北京某科技有限公司完成数千万元A轮融资，由红杉中国领投。",
            "受此影响，公司股价周五下跌5.2%，收于每股18.10元，市值蒸发逾百亿。",
            "（记者 张三）昨日上午9点30分，上证指数报3,050.12点，成交额8,765亿元。",
            "２０２４年第一季度，比亚迪实现营收１２４９．４亿元，净利润４５．７亿元。",
            "三星电子预计第二季度营业利润为10.4万亿韩元，约合75亿美元。",
            "Apple Inc. reported revenue of $90.8 billion, 苹果公司营收908亿美元。",
            "董事长李四表示，未来三年将累计投资200-300亿元。");

    private static final List<String> INSERTS = List.of("😀", "👨‍👩‍👧", "🇨🇳", "𠀀", "𪚥", "\uD800", "\uDC00", "\uDBFF",
            "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u202E", "\u200F", "\u0301", "\u0000", "\n", "\r\n", "\t", " ",
            "　", "０", "．", "，", "。", "9", "0", ".", ",", "亿", "万", "元", "美元", "%", "-", "至", "年", "月", "日",
            "第", "季度", "上", "去年", "约", "超过", "（", "）", "\"", "\\", "{", "}", "<", ">", "&", "ﷺ", "½", "①",
            "Ⅻ", "𝟐", "٢", "\uFFFF", "\uE000", "¥", "$", "e", "E+30", "~", "*", "?", "/", ":", "：");

    private Mutations() {
    }

    /** One edit of a text: what, where (a fraction of the length), how much, and what is inserted. */
    public record Edit(int kind, double at, int length, String insert) {
        String apply(String s) {
            int n = s.length();
            int p = Math.min(n, (int) (at * (n + 1)));
            int q = Math.min(n, p + length);
            switch (kind) {
                case 0:
                    return s.substring(0, p) + insert + s.substring(p);
                case 1:
                    return s.substring(0, p) + s.substring(q);
                case 2:
                    return s.substring(0, p) + insert + s.substring(q);
                case 3:
                    return s.substring(0, q) + s.substring(p, q) + s.substring(q);
                case 4:
                    return q + 1 < n ? s.substring(0, p) + s.charAt(q) + s.substring(p, q) + s.substring(q + 1) : s;
                case 5:
                    return s.substring(0, p);
                default:
                    return s.substring(0, p) + swapWidth(s.substring(p, q)) + s.substring(q);
            }
        }
    }

    /** Full-width ASCII to half-width and back ({@code ０} for {@code 0}, {@code a} for {@code ａ}). */
    public static String swapWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x21 && c <= 0x7E) {
                b.append((char) (c - 0x21 + 0xFF01));
            } else if (c >= 0xFF01 && c <= 0xFF5E) {
                b.append((char) (c - 0xFF01 + 0x21));
            } else if (c == ' ') {
                b.append('\u3000');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A random edit. */
    public static Arbitrary<Edit> edits() {
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(INSERTS),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(3));
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 12), insert).as(Edit::new);
    }

    /** {@code base} with 0 to {@code maxEdits} random edits. */
    public static Arbitrary<String> mutated(Arbitrary<String> base, int maxEdits) {
        return Combinators.combine(base, edits().list().ofMaxSize(maxEdits)).as((s, list) -> {
            String out = s;
            for (Edit e : list) {
                out = e.apply(out);
            }
            return out;
        });
    }

    /** One to three of the sentences, joined, then mutated with up to 8 edits. */
    public static Arbitrary<String> financeText() {
        Arbitrary<String> base = Arbitraries.of(SENTENCES).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l));
        return mutated(base, 8);
    }

    /** Checks the output contract of mentions over {@code text}: inside it, text = slice in code points. */
    public static void assertMentionsInside(String text, List<? extends Mention> mentions) {
        int cps = text.codePointCount(0, text.length());
        for (Mention m : mentions) {
            assertTrue(0 <= m.start() && m.start() < m.end() && m.end() <= cps,
                    () -> "offsets outside 0.." + cps + ": " + m + " in " + escape(text));
            assertEquals(text.substring(text.offsetByCodePoints(0, m.start()), text.offsetByCodePoints(0, m.end())),
                    m.text(), () -> "text is not text[start:end]: " + m + " in " + escape(text));
        }
    }

    /** The text with control, format and surrogate characters written as escapes, for messages. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int t = Character.getType(c);
            if (t == Character.CONTROL || t == Character.FORMAT || t == Character.SURROGATE
                    || t == Character.NON_SPACING_MARK || t == Character.UNASSIGNED || t == Character.PRIVATE_USE) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
