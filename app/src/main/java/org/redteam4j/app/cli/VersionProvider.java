package org.redteam4j.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, with the Java runtime it runs on. */
public final class VersionProvider implements IVersionProvider {

    public static String version() {
        return org.redteam4j.core.provenance.Provenance.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"redteam4j " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
