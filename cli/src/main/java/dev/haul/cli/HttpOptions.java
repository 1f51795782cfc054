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
}
