package dev.haul.cli;

import dev.haul.core.Version;
import picocli.CommandLine.IVersionProvider;

/** What {@code haul --version} prints. */
public final class VersionInfo implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
                "haul " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
