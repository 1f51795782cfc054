package dev.haul.core;

/** Credentials looked up by host name (a .netrc file): {@code user:password}, or null for none. */
@FunctionalInterface
public interface HostCredentials {
    String forHost(String host);

    HostCredentials NONE = host -> null;
}
