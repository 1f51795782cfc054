package dev.haul.cli;


import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the requests carry: headers, credentials, redirects. */
final class HttpOptions {
    int maxRedirects;

    List<String> headers = new ArrayList<>();

    String userAgent;

    String user;

    boolean netrc;

    Path netrcFile;
    /** --http1.1 / --http2, and whether the command line itself gave them (it beats the config file). */
    boolean http11;
    boolean http2;
    boolean http11Given;
    boolean http2Given;
}
