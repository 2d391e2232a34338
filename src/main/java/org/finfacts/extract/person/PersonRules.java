package org.finfacts.extract.person;

import org.finfacts.core.ModelStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The person stage's data, read from {@code models/person/}: titles written before a name
 * ({@code titles.tsv}), words written after one ({@code cues.tsv}), family names ({@code surnames.tsv}),
 * well-known persons ({@code known.tsv}) and words the name tagger mistakes for names
 * ({@code not-persons.tsv}). Immutable after loading.
 */
public final class PersonRules {
    private final List<String> titles;
    private final List<String> cues;
    private final Set<String> surnames;
    private final List<String> known;
    private final Set<String> notPersons;

    private PersonRules(ModelStore store) {
        titles = column(store, "person/titles.tsv");
        cues = column(store, "person/cues.tsv");
        surnames = new HashSet<>(column(store, "person/surnames.tsv"));
        known = column(store, "person/known.tsv");
        notPersons = new HashSet<>(column(store, "person/not-persons.tsv"));
    }

    /** Loads the person data; a missing file fails naming it. */
    public static PersonRules load(ModelStore store) {
        return new PersonRules(store);
    }

    private static List<String> column(ModelStore store, String file) {
        List<String> out = new ArrayList<>();
        for (ModelStore.Row r : store.rows(file)) {
            out.add(r.get(0));
        }
        return out;
    }

    /** Titles and roles written before a name. */
    public List<String> titles() {
        return titles;
    }

    /** Words written right after a name. */
    public List<String> cues() {
        return cues;
    }

    /** Whether the text at {@code pos} starts with a family name. */
    public boolean startsWithSurname(String text, int pos) {
        if (pos + 2 <= text.length() && surnames.contains(text.substring(pos, pos + 2))) {
            return true;
        }
        return pos < text.length() && surnames.contains(text.substring(pos, pos + 1));
    }

    /** Well-known persons. */
    public List<String> known() {
        return known;
    }

    /** Whether the tagger's name is a known mistake. */
    public boolean isNotPerson(String word) {
        return notPersons.contains(word);
    }
}
