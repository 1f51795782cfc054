package dev.haul.cli;


/** When an attempt gives up, and how often it is tried again. */
final class RetryOptions {
    int retries;

    double connectTimeout;

    double stallTimeout;
}
