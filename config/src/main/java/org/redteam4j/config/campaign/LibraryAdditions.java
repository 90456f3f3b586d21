package org.redteam4j.config.campaign;

import java.util.List;

/**
 * What the library API and the JUnit extension add to a campaign file.
 *
 * @param inProcessTargets   names of targets of the caller's JVM, each {@code model: java:NAME}
 * @param replaceFileTargets whether they replace the file's targets (else they come after them); a file
 *                           target of {@code model: java:NAME} declares NAME and stays either way
 * @param defaultMaxRequests {@code limits.max_requests} where the file sets none; null for none
 */
public record LibraryAdditions(List<String> inProcessTargets, boolean replaceFileTargets, Long defaultMaxRequests) {

    public static final LibraryAdditions NONE = new LibraryAdditions(List.of(), false, null);

    public LibraryAdditions {
        inProcessTargets = List.copyOf(inProcessTargets);
    }
}
