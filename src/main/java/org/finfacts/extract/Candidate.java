package org.finfacts.extract;

/**
 * A span an {@link Extractor} found, with its raw parts but no value yet; offsets are working-copy
 * UTF-16 indices. Example: for {@code 近5万亿美元} a money candidate holding qualifier word {@code 近},
 * digits {@code 5}, multiplier {@code 万亿}, currency word {@code 美元}.
 */
public interface Candidate {
    int start();

    int end();
}
