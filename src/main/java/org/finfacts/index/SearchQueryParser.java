package org.finfacts.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a query written by a person into a {@link QueryNode} tree, refusing what could run away.
 *
 * <p>Syntax: words and {@code "quoted phrases"} (title and text); {@code field:value},
 * {@code field:"a phrase"}, {@code field:(a OR b)}, {@code field:[low TO high]} (inclusive; braces
 * exclusive; {@code *} open), {@code amount>=x}, {@code >}, {@code <=}, {@code <}, {@code =};
 * {@code AND}, {@code OR}, {@code NOT} (upper case) and {@code -word}; parentheses. Words next to each
 * other are joined by AND. A trailing {@code *} makes a prefix ({@code nvid*}, at least two
 * characters before it); leading wildcards, {@code ?}, fuzzy {@code ~} and {@code /regex/} are
 * refused with a message, as are queries longer than {@link Limits#maxChars}, with more than
 * {@link Limits#maxTerms} terms or nested deeper than {@link Limits#maxDepth}. Full-width forms
 * ({@code company：英伟达}, {@code ＞＝}) are read as their ASCII equivalents. Stateless between
 * calls; one parser can serve many threads.
 */
public final class SearchQueryParser {
    /** Bounds on what a query may ask for. */
    public record Limits(int maxChars, int maxTerms, int maxDepth) {
        /** 1,000 characters, 64 terms, 16 levels of parentheses. */
        public static Limits defaults() {
            return new Limits(1000, 64, 16);
        }
    }

    private final Limits limits;

    /** A parser with the given limits. */
    public SearchQueryParser(Limits limits) {
        this.limits = limits;
    }

    /** Parses a query; fails with a {@link QueryException} naming position and token. */
    public QueryNode parse(String query) {
        if (query == null || query.isBlank()) {
            throw new QueryException("the query is empty", 0, null);
        }
        if (query.length() > limits.maxChars()) {
            throw new QueryException("the query is too long: " + query.length() + " characters (limit "
                    + limits.maxChars() + ")", 0, null);
        }
        return new Run(fold(query)).parse();
    }

    /** Full-width ASCII forms and the ideographic space to ASCII, one char for one char. */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                sb.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private final class Run {
        private final String s;
        private int pos;
        private int terms;
        private int depth;

        Run(String s) {
            this.s = s;
        }

        QueryNode parse() {
            QueryNode node = parseOr(null);
            skipSpace();
            if (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ')') {
                    throw error("unexpected ')' without a matching '('", pos, ")");
                }
                throw error("unexpected '" + tokenAt(pos) + "'", pos, tokenAt(pos));
            }
            return node;
        }

        private QueryNode parseOr(QueryField field) {
            List<QueryNode> parts = new ArrayList<>();
            parts.add(parseAnd(field));
            while (true) {
                skipSpace();
                if (!keyword("OR")) {
                    break;
                }
                int at = pos;
                pos += 2;
                skipSpace();
                if (atEndOfGroup() || keyword("OR") || keyword("AND")) {
                    throw error("OR needs something after it", at, "OR");
                }
                parts.add(parseAnd(field));
            }
            return parts.size() == 1 ? parts.get(0) : new QueryNode.Or(List.copyOf(parts));
        }

        private QueryNode parseAnd(QueryField field) {
            List<QueryNode> parts = new ArrayList<>();
            while (true) {
                skipSpace();
                if (atEndOfGroup() || keyword("OR")) {
                    break;
                }
                if (keyword("AND")) {
                    int at = pos;
                    if (parts.isEmpty()) {
                        throw error("AND needs something before it", at, "AND");
                    }
                    pos += 3;
                    skipSpace();
                    if (atEndOfGroup() || keyword("OR") || keyword("AND")) {
                        throw error("AND needs something after it", at, "AND");
                    }
                    continue;
                }
                parts.add(parseUnary(field));
            }
            if (parts.isEmpty()) {
                if (pos < s.length() && s.charAt(pos) == ')') {
                    throw error("empty parentheses or an operator before ')'", pos, ")");
                }
                if (keyword("OR")) {
                    throw error("OR needs something before it", pos, "OR");
                }
                throw error("the query is empty", pos, null);
            }
            return parts.size() == 1 ? parts.get(0) : new QueryNode.And(List.copyOf(parts));
        }

        private QueryNode parseUnary(QueryField field) {
            skipSpace();
            int at = pos;
            if (keyword("NOT")) {
                pos += 3;
                skipSpace();
                if (atEndOfGroup() || keyword("OR") || keyword("AND")) {
                    throw error("NOT needs something after it", at, "NOT");
                }
                return new QueryNode.Not(nested(() -> parseUnary(field), at), position(at));
            }
            char c = s.charAt(pos);
            if (c == '-' && pos + 1 < s.length() && !Character.isWhitespace(s.charAt(pos + 1))
                    && s.charAt(pos + 1) != ')') {
                pos++;
                return new QueryNode.Not(nested(() -> parseUnary(field), at), position(at));
            }
            if (c == '+' && pos + 1 < s.length() && !Character.isWhitespace(s.charAt(pos + 1))) {
                pos++;
            }
            return parsePrimary(field);
        }

        private QueryNode parsePrimary(QueryField field) {
            skipSpace();
            int at = pos;
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                QueryNode inner = nested(() -> parseOr(field), at);
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw error("missing ')' for the '(' here", at, "(");
                }
                pos++;
                return inner;
            }
            if (c == ')') {
                throw error("unexpected ')' without a matching '('", at, ")");
            }
            if (c == '"') {
                String phrase = quoted();
                return field == null ? text(phrase, true, at) : value(field, QueryNode.Op.EQ, phrase, at);
            }
            if (field == null) {
                Optional<QueryNode> f = fieldExpression();
                if (f.isPresent()) {
                    return f.get();
                }
            }
            String word = word();
            return field == null ? text(word, false, at) : value(field, QueryNode.Op.EQ, word, at);
        }

        /** {@code name:value}, {@code name>=value}, ... at the current position, if that is what is there. */
        private Optional<QueryNode> fieldExpression() {
            int at = pos;
            int i = pos;
            while (i < s.length() && (isAsciiLetter(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            if (i == pos) {
                return Optional.empty();
            }
            String name = s.substring(pos, i);
            int j = i;
            while (j < s.length() && s.charAt(j) == ' ') {
                j++;
            }
            String op = operatorAt(j);
            if (op == null) {
                return Optional.empty();
            }
            Optional<QueryField> known = QueryField.of(name);
            if (known.isEmpty()) {
                if (j > i) {
                    return Optional.empty();
                }
                throw error("unknown field '" + name + "' (fields: " + QueryField.names() + ")", at, name);
            }
            QueryField field = known.get();
            pos = j + op.length();
            skipSpace();
            if (pos >= s.length() || Character.isWhitespace(s.charAt(pos)) || s.charAt(pos) == ')') {
                throw error("field '" + name + "' needs a value after '" + op + "'", at, name + op);
            }
            if (!op.equals(":")) {
                if (field.kind() != QueryField.Kind.AMOUNT && field.kind() != QueryField.Kind.DATE) {
                    throw error("'" + op + "' works with amount, date and published only, not with '" + name + "'",
                            at, name + op);
                }
                int vAt = pos;
                String v = s.charAt(pos) == '"' ? quoted() : word();
                return Optional.of(value(field, opOf(op), v, vAt));
            }
            char c = s.charAt(pos);
            if (c == '[' || c == '{') {
                return Optional.of(range(field, at));
            }
            if (c == '(') {
                int open = pos;
                pos++;
                QueryNode inner = nested(() -> parseOr(field), open);
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw error("missing ')' for the '(' here", open, "(");
                }
                pos++;
                return Optional.of(inner);
            }
            int vAt = pos;
            String v = c == '"' ? quoted() : word();
            return Optional.of(value(field, QueryNode.Op.EQ, v, vAt));
        }

        private QueryNode range(QueryField field, int at) {
            int open = pos;
            char close = s.charAt(pos) == '[' ? ']' : '}';
            boolean lowInclusive = s.charAt(pos) == '[';
            int end = pos + 1;
            while (end < s.length() && s.charAt(end) != ']' && s.charAt(end) != '}') {
                end++;
            }
            if (end >= s.length()) {
                throw error("range not closed: missing '" + close + "'", open, s.substring(open, Math.min(s.length(), open + 20)));
            }
            boolean highInclusive = s.charAt(end) == ']';
            String inside = s.substring(pos + 1, end).trim();
            int to = inside.indexOf(" TO ");
            if (to < 0) {
                throw error("a range is written [low TO high]", open, s.substring(open, end + 1));
            }
            String low = inside.substring(0, to).trim();
            String high = inside.substring(to + 4).trim();
            if (low.isEmpty() || high.isEmpty()) {
                throw error("a range needs both bounds (use * for an open end)", open, s.substring(open, end + 1));
            }
            if (field.kind() != QueryField.Kind.AMOUNT && field.kind() != QueryField.Kind.DATE) {
                throw error("ranges work with amount, date and published only, not with '" + field.label() + "'",
                        at, field.label());
            }
            pos = end + 1;
            countTerm(at);
            return new QueryNode.Range(field, low.equals("*") ? null : low, high.equals("*") ? null : high,
                    lowInclusive, highInclusive, position(open));
        }

        private QueryNode value(QueryField field, QueryNode.Op op, String value, int at) {
            countTerm(at);
            switch (field.kind()) {
                case TEXT:
                    return new QueryNode.Text(checkWildcards(value, at, false), false, value.endsWith("*"), field,
                            position(at));
                case KEYWORD:
                    if (value.equals("*") && field.isRecord()) {
                        return new QueryNode.Term(field, value, position(at));
                    }
                    if (value.contains("*") || value.contains("?")) {
                        throw error("wildcards are not supported in '" + field.label() + "'", at, value);
                    }
                    return new QueryNode.Term(field, value, position(at));
                default:
                    return new QueryNode.Compare(field, op, value, position(at));
            }
        }

        private QueryNode text(String word, boolean phrase, int at) {
            if (!phrase && word.equals("*")) {
                countTerm(at);
                return new QueryNode.All(position(at));
            }
            countTerm(at);
            String checked = phrase ? word : checkWildcards(word, at, true);
            return new QueryNode.Text(checked, phrase, !phrase && word.endsWith("*"), null, position(at));
        }

        /** Refuses what would make a term expensive or ambiguous; returns the word without its trailing '*'. */
        private String checkWildcards(String word, int at, boolean free) {
            if (word.length() > 1 && word.startsWith("/") && word.endsWith("/")) {
                throw error("regular expressions are not supported", at, word);
            }
            if (word.startsWith("*") || word.startsWith("?")) {
                throw error("leading wildcards are not allowed", at, word);
            }
            if (word.indexOf('?') >= 0) {
                throw error("'?' wildcards are not supported (a trailing '*' is)", at, word);
            }
            if (word.indexOf('~') >= 0) {
                throw error("fuzzy terms ('~') are not supported", at, word);
            }
            int star = word.indexOf('*');
            if (star >= 0 && star != word.length() - 1) {
                throw error("'*' is only allowed at the end of a word", at, word);
            }
            if (star >= 0) {
                String prefix = word.substring(0, star);
                if (prefix.codePointCount(0, prefix.length()) < 2) {
                    throw error("a prefix needs at least two characters before '*'", at, word);
                }
                return prefix;
            }
            return word;
        }

        private String quoted() {
            int open = pos;
            StringBuilder sb = new StringBuilder();
            pos++;
            while (pos < s.length() && s.charAt(pos) != '"') {
                char c = s.charAt(pos);
                if (c == '\\' && pos + 1 < s.length()) {
                    pos++;
                    c = s.charAt(pos);
                }
                sb.append(c);
                pos++;
            }
            if (pos >= s.length()) {
                throw error("unterminated quote", open, s.substring(open, Math.min(s.length(), open + 20)));
            }
            pos++;
            if (sb.toString().isBlank()) {
                throw error("empty phrase", open, "\"\"");
            }
            return sb.toString();
        }

        private String word() {
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"') {
                    break;
                }
                pos++;
            }
            if (pos == start) {
                throw error("unexpected '" + tokenAt(start) + "'", start, tokenAt(start));
            }
            return s.substring(start, pos);
        }

        private QueryNode nested(java.util.function.Supplier<QueryNode> inner, int at) {
            depth++;
            if (depth > limits.maxDepth()) {
                throw error("the query is nested too deeply (limit " + limits.maxDepth() + " levels)", at,
                        tokenAt(at));
            }
            try {
                return inner.get();
            } finally {
                depth--;
            }
        }

        private void countTerm(int at) {
            terms++;
            if (terms > limits.maxTerms()) {
                throw error("the query has too many terms (limit " + limits.maxTerms() + ")", at, tokenAt(at));
            }
        }

        private String operatorAt(int i) {
            if (i >= s.length()) {
                return null;
            }
            if (s.startsWith(">=", i) || s.startsWith("<=", i)) {
                return s.substring(i, i + 2);
            }
            char c = s.charAt(i);
            if (c == ':' || c == '>' || c == '<' || c == '=') {
                return String.valueOf(c);
            }
            return null;
        }

        private QueryNode.Op opOf(String op) {
            switch (op) {
                case ">=":
                    return QueryNode.Op.GE;
                case "<=":
                    return QueryNode.Op.LE;
                case ">":
                    return QueryNode.Op.GT;
                case "<":
                    return QueryNode.Op.LT;
                default:
                    return QueryNode.Op.EQ;
            }
        }

        private boolean keyword(String k) {
            if (!s.startsWith(k, pos)) {
                return false;
            }
            int after = pos + k.length();
            return after >= s.length() || Character.isWhitespace(s.charAt(after)) || s.charAt(after) == '('
                    || s.charAt(after) == '"';
        }

        private boolean atEndOfGroup() {
            return pos >= s.length() || s.charAt(pos) == ')';
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private String tokenAt(int i) {
            if (i >= s.length()) {
                return "";
            }
            int j = i + 1;
            while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && j - i < 30) {
                j++;
            }
            return s.substring(i, j);
        }

        private int position(int index) {
            return s.codePointCount(0, Math.min(index, s.length())) + 1;
        }

        private QueryException error(String message, int index, String token) {
            int p = position(index);
            return new QueryException(message + " at position " + p
                    + (token == null || token.isEmpty() ? "" : " ('" + token + "')"), p, token);
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
