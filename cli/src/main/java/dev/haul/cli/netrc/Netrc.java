package dev.haul.cli.netrc;

import dev.haul.core.HostCredentials;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed .netrc file: the first {@code machine} whose name equals the host (without regard to
 * case) gives the credentials; the {@code default} block serves hosts no machine names, as in
 * curl. {@code macdef} bodies are skipped, {@code account} values ignored.
 */
public final class Netrc implements HostCredentials {
    private final List<NetrcEntry> entries;

    private Netrc(List<NetrcEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Netrc parse(String text) {
        NetrcTokens tokens = new NetrcTokens(text);
        List<NetrcEntry> entries = new ArrayList<>();
        Block block = null;
        for (String token = tokens.next(); token != null; token = tokens.next()) {
            switch (token) {
                case "machine" -> {
                    if (block != null) entries.add(block.done());
                    String name = tokens.next();
                    block = name == null ? null : new Block(name);
                }
                case "default" -> {
                    if (block != null) entries.add(block.done());
                    block = new Block(null);
                }
                case "login" -> {
                    String value = tokens.next();
                    if (block != null && block.login == null) block.login = value;
                }
                case "password" -> {
                    String value = tokens.next();
                    if (block != null && block.password == null) block.password = value;
                }
                case "account" -> tokens.next();
                case "macdef" -> tokens.skipMacro();
                default -> { /* an unknown word: skipped, as curl skips it */ }
            }
        }
        if (block != null) entries.add(block.done());
        return new Netrc(entries);
    }

    @Override
    public String forHost(String host) {
        if (host == null) return null;
        NetrcEntry fallback = null;
        for (NetrcEntry e : entries) {
            if (e.isDefault()) {
                if (fallback == null) fallback = e;
            } else if (e.machine().equalsIgnoreCase(host)) {
                return e.credentials();
            }
        }
        return fallback == null ? null : fallback.credentials();
    }

    List<NetrcEntry> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return "netrc" + entries;
    }

    private static final class Block {
        final String machine;
        String login;
        String password;

        Block(String machine) {
            this.machine = machine;
        }

        NetrcEntry done() {
            return new NetrcEntry(machine, login, password);
        }
    }
}
