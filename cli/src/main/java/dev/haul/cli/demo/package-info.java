/** {@code haul demo}: an in-process HTTP server of made-up, throttled files, and the command that downloads them. */
package dev.haul.cli.demo;
