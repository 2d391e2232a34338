package org.finfacts.extract.company;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives ids and short names from a company's written name when the gazetteer does not know it:
 * legal endings go ({@code 有限公司}, {@code 合伙企业(有限合伙)}), then one business descriptor
 * ({@code 投资管理}, {@code 科技}; {@code 基金管理} becomes {@code 基金}), then region prefixes
 * ({@code 深圳市}, {@code 西藏}, {@code 贵州贵安新区}). {@code 达诚基金管理有限公司} gives {@code 达诚基金};
 * {@code 西藏太和先机投资管理有限公司} gives {@code 太和先机}; {@code 海恩斯莫里斯(上海)商业有限公司} gives
 * {@code 海恩斯莫里斯(上海)}. A region stays when only generic words follow it ({@code 山东能源集团} gives
 * {@code 山东能源}, never {@code 能源}). Stateless.
 */
final class CompanyIds {
    private static final int MIN_ID = 2;

    private CompanyIds() {
    }

    /** The forms of a name from full to short, each one step further stripped (the name first). */
    static List<String> stages(String name, NameRules rules) {
        return stages(name, rules, n -> false);
    }

    /**
     * The forms of a name from full to short; a region stays when it begins a known company name
     * ({@code 山东高速建设管理集团} keeps {@code 山东}, for {@code 山东高速} is a company).
     */
    static List<String> stages(String name, NameRules rules, java.util.function.Predicate<String> known) {
        Set<String> out = new LinkedHashSet<>();
        String s = withoutBranch(name, rules);
        out.add(name);
        out.add(s);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String[] e : rules.idEndings()) {
                if (e[1].equals("legal") && s.endsWith(e[0]) && hanLength(s) - hanLength(e[0]) >= MIN_ID) {
                    s = s.substring(0, s.length() - e[0].length());
                    out.add(s);
                    stripped = true;
                    break;
                }
            }
        }
        for (String[] e : rules.idEndings()) {
            if (e[1].equals("descriptor") && s.endsWith(e[0]) && hanLength(s) - hanLength(e[0]) >= MIN_ID) {
                s = s.substring(0, s.length() - e[0].length()) + e[2];
                out.add(s);
                break;
            }
        }
        boolean region = true;
        while (region) {
            region = false;
            String r = rules.regionAt(s, 0);
            if (r != null && !"country".equals(rules.regionKind(r))) {
                int cut = r.length();
                while (cut < s.length() && "省市区县".indexOf(s.charAt(cut)) >= 0) {
                    cut++;
                }
                if (hanLength(s.substring(cut)) >= MIN_ID && s.charAt(cut) != '(' && !beginsKnownName(s, r.length(), known)
                        && !rules.isGenericPhrase(s.substring(cut))) {
                    s = s.substring(cut);
                    out.add(s);
                    region = true;
                }
            } else if (s.length() > 4 && s.startsWith("新区", 2) && hanLength(s.substring(4)) >= MIN_ID) {
                s = s.substring(4);
                out.add(s);
                region = true;
            }
        }
        return new ArrayList<>(out);
    }

    /** Whether a known name begins {@code s} and runs past its first {@code regionLength} characters. */
    private static boolean beginsKnownName(String s, int regionLength, java.util.function.Predicate<String> known) {
        for (int len = s.length() - 1; len >= regionLength + 2; len--) {
            if (known.test(s.substring(0, len))) {
                return true;
            }
        }
        return false;
    }

    /** The id of an unknown company, by {@link #derive(String, NameRules, java.util.function.Predicate)} with no known names. */
    static String derive(String name, NameRules rules) {
        return derive(name, rules, n -> false);
    }

    /**
     * The id of an unknown company: its name fully stripped, a region kept where it begins a known
     * company name; a Latin name with {@code 集团} becomes the Latin name with {@code Group}
     * ({@code Angelicoussis集团} is {@code Angelicoussis Group}).
     */
    static String derive(String name, NameRules rules, java.util.function.Predicate<String> known) {
        if (name.endsWith("集团") && name.length() > 2 && name.substring(0, name.length() - 2).chars()
                .allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == ' ' || c == '&' || c == '-' || c == '.'))) {
            return name.substring(0, name.length() - 2).strip() + " Group";
        }
        List<String> stages = stages(name, rules, known);
        return stages.get(stages.size() - 1);
    }

    /**
     * Short names under which a full name may recur in the same text: the derived id, the name without
     * its legal ending, and both without a leading {@code 中国} ({@code 中国联合水务集团} recurs as
     * {@code 联合水务集团}).
     */
    static List<String> shortNames(String name, NameRules rules) {
        List<String> stages = stages(name, rules);
        Set<String> out = new LinkedHashSet<>();
        String id = stages.get(stages.size() - 1);
        out.add(id);
        String legalFree = withoutLegalEnding(withoutBranch(name, rules), rules);
        out.add(legalFree);
        for (String s : List.of(name, id, legalFree)) {
            if (s.startsWith("中国") && hanLength(s) >= 6) {
                out.add(s.substring(2));
            }
        }
        out.remove(name);
        return new ArrayList<>(out);
    }

    private static String withoutLegalEnding(String s, NameRules rules) {
        for (String[] e : rules.idEndings()) {
            if (e[1].equals("legal") && s.endsWith(e[0]) && hanLength(s) - hanLength(e[0]) >= MIN_ID) {
                return s.substring(0, s.length() - e[0].length());
            }
        }
        return s;
    }

    private static String withoutBranch(String name, NameRules rules) {
        for (String[] e : rules.idEndings()) {
            if (!e[1].equals("legal")) {
                continue;
            }
            int at = name.indexOf(e[0]);
            if (at > 0 && at + e[0].length() < name.length()) {
                String rest = name.substring(at + e[0].length());
                if (rest.endsWith("分行") || rest.endsWith("支行") || rest.endsWith("分公司") || rest.endsWith("营业部")) {
                    return name.substring(0, at + e[0].length());
                }
            }
        }
        return name;
    }

    private static int hanLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (NameBoundary.isHan(c) || NameBoundary.isLatinLetter(c)) {
                n++;
            }
        }
        return n;
    }
}
