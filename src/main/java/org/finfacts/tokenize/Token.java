package org.finfacts.tokenize;

/**
 * One word of the working copy as the tokenizer cut it: {@code start}/{@code end} are UTF-16 indices
 * of the working copy; {@code tag} is HanLP's part-of-speech tag ({@code nt} organisation,
 * {@code nr} person name, {@code ns} place, {@code m} numeral, ...). Example: {@code 英伟达/nz}.
 */
public record Token(String word, String tag, int start, int end) {
    /** Whether the tag marks an organisation name ({@code nt}, {@code ntc}, {@code nto}, ...). */
    public boolean isOrganization() {
        return tag.startsWith("nt");
    }

    /** Whether the tag marks a person name ({@code nr}, {@code nrf}, {@code nrj}). */
    public boolean isPersonName() {
        return tag.startsWith("nr");
    }

    /** Whether the tag marks a place name ({@code ns}, {@code nsf}). */
    public boolean isPlaceName() {
        return tag.startsWith("ns");
    }
}
