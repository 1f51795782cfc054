package dev.haul.cli;

import dev.haul.cli.netrc.NetrcFiles;
import dev.haul.core.HostCredentials;
import dev.haul.core.ProxySelector;
import dev.haul.core.proxy.EnvProxySelector;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** How requests reach their servers: the proxy choice and the .netrc credentials, from options and environment. */
final class Access {
    private Access() {}

    static ProxySelector proxy(HaulCommand c) {
        try {
            EnvProxySelector selector = EnvProxySelector.from(c.proxy.url, c.environment().variables());
            return selector.isDirect() ? ProxySelector.DIRECT : selector;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code --netrc-file FILE} wins over {@code --netrc} (~/.netrc), as in curl. */
    static HostCredentials netrc(HaulCommand c) {
        Path file = c.http.netrcFile;
        boolean required = file != null;
        if (file == null) {
            if (!c.http.netrc) return HostCredentials.NONE;
            file = c.environment().home().resolve(".netrc");
        }
        String option = required ? "--netrc-file" : "--netrc";
        try {
            return NetrcFiles.load(file, required, warning -> {
                if (!c.display.quiet) c.streams().err().println("haul: " + warning);
            });
        } catch (NoSuchFileException e) {
            throw new UsageException(option + ": no such file: " + file);
        } catch (IOException e) {
            throw new UsageException(option + ": cannot read " + file + ": " + Errors.describe(e));
        }
    }
}
