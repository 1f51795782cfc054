package dev.haul.cli;


/** Where requests go instead of the origin. */
final class ProxyOptions {
    String url;
}
