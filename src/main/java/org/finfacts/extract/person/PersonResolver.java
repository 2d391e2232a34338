package org.finfacts.extract.person;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.Resolver;
import org.finfacts.extract.company.Gazetteer;
import org.finfacts.facts.Mention;
import org.finfacts.facts.PersonMention;
import org.finfacts.normalize.ResolutionContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the person candidates that have support: a title before or a biography after them, the
 * known-person list, a cue word right after ({@code 表示}, {@code 先生}), a list with an accepted person
 * ({@code 刘晨、王超伟}), or the same name accepted elsewhere in the text. Names that are company names
 * are dropped; of overlapping candidates the supported and longer one stays ({@code 李大霄} over the
 * tagger's {@code 李大}). Thread-safe.
 */
public final class PersonResolver implements Resolver<PersonCandidate> {
    private static final List<String> JOINERS = List.of("、", "和", "与", "及", ",");

    private final PersonRules rules;
    private final Gazetteer gazetteer;

    /** A resolver over the person data; {@code gazetteer} may be null (no company names to exclude). */
    public PersonResolver(PersonRules rules, Gazetteer gazetteer) {
        this.rules = rules;
        this.gazetteer = gazetteer;
    }

    @Override
    public List<Mention> resolve(List<PersonCandidate> candidates, AnalyzedText text, ResolutionContext context) {
        String t = text.text();
        List<PersonCandidate> sorted = new ArrayList<>(candidates);
        sorted.removeIf(c -> gazetteer != null && gazetteer.idOf(c.name()) != null);
        sorted.sort(Comparator.comparingInt((PersonCandidate c) -> c.support() == PersonCandidate.Support.TAGGER ? 1 : 0)
                .thenComparingInt(c -> -(c.end() - c.start())).thenComparingInt(PersonCandidate::start));
        List<PersonCandidate> kept = new ArrayList<>();
        for (PersonCandidate c : sorted) {
            if (kept.stream().noneMatch(k -> k.overlaps(c))) {
                kept.add(c);
            }
        }
        Set<PersonCandidate> accepted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (PersonCandidate c : kept) {
            if (c.support() != PersonCandidate.Support.TAGGER || cueAfter(t, c.end())) {
                accepted.add(c);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<String> names = new HashSet<>();
            for (PersonCandidate c : accepted) {
                names.add(c.name());
            }
            for (PersonCandidate c : kept) {
                if (accepted.contains(c)) {
                    continue;
                }
                if (names.contains(c.name()) || listedWithAccepted(t, c, kept, accepted)) {
                    accepted.add(c);
                    changed = true;
                }
            }
        }
        List<PersonCandidate> result = new ArrayList<>();
        for (PersonCandidate c : kept) {
            if (accepted.contains(c)) {
                result.add(c);
            }
        }
        result.addAll(repetitions(t, result, kept, accepted));
        List<Mention> out = new ArrayList<>();
        for (PersonCandidate c : result) {
            out.add(new PersonMention(c.start(), c.end(), t.substring(c.start(), c.end())));
        }
        return out;
    }

    /** Other places where an accepted Chinese name is written, where nothing else was kept. */
    private static List<PersonCandidate> repetitions(String t, List<PersonCandidate> result, List<PersonCandidate> kept,
                                                     Set<PersonCandidate> accepted) {
        List<PersonCandidate> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PersonCandidate c : result) {
            if (c.name().length() >= 2 && PersonExtractor.isHan(c.name().charAt(0))) {
                names.add(c.name());
            }
        }
        for (String name : names) {
            for (int at = t.indexOf(name); at >= 0; at = t.indexOf(name, at + 1)) {
                PersonCandidate c = new PersonCandidate(at, at + name.length(), name, PersonCandidate.Support.TITLE);
                boolean free = true;
                for (PersonCandidate k : kept) {
                    if (k.overlaps(c) && (accepted.contains(k) || k.end() - k.start() > name.length())) {
                        free = false;
                        break;
                    }
                }
                for (PersonCandidate o : out) {
                    free &= !o.overlaps(c);
                }
                boolean inWord = at + name.length() < t.length() && name.length() == 2
                        && PersonExtractor.isHan(t.charAt(at + name.length())) && at > 0 && PersonExtractor.isHan(t.charAt(at - 1));
                if (free && !inWord) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private boolean cueAfter(String t, int end) {
        for (String cue : rules.cues()) {
            if (t.startsWith(cue, end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean listedWithAccepted(String t, PersonCandidate c, List<PersonCandidate> kept,
                                              Set<PersonCandidate> accepted) {
        for (PersonCandidate o : kept) {
            if (!accepted.contains(o)) {
                continue;
            }
            if (o.end() <= c.start() && c.start() - o.end() <= 1 && JOINERS.contains(t.substring(o.end(), c.start()))) {
                return true;
            }
            if (c.end() <= o.start() && o.start() - c.end() <= 1 && JOINERS.contains(t.substring(c.end(), o.start()))) {
                return true;
            }
        }
        return false;
    }
}
